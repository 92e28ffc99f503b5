//! Reads the authored node files of `content/` and checks them: the content tool
//! (`fix502-content`, which Trunk runs after every build) and the tests run this, so an
//! authoring mistake stops the build with `file:line: what is wrong` instead of reaching a
//! reader.
//!
//! A node file is TOML front matter between two `+++` lines, then the Markdown body:
//!
//! ```text
//! +++
//! id = "visitor-clear-cache"
//! title = "Clear this site's cache and cookies"
//! kind = "guidance"
//! audience = "visitor"
//! not_fixed = "visitor-site-side"
//! +++
//! The page works elsewhere, so…
//! ```
//!
//! A question lists `[[answers]]`. Guidance ends with "Did this fix it?": `fixed` (by default
//! `<audience>-fixed`) and `not_fixed` name where yes and no lead. An end node has neither.
//! Files whose names start with `_` (such as `_template.md`) are not nodes.
//!
//! [`front_matter`] reads one file; [`validate`] checks the nodes as one tree; [`prose`] holds
//! the editorial rules a whole knowledge base must meet, such as the length of advice.

mod front_matter;
pub mod messages;
mod prose;
pub mod translation;
mod validate;

pub use front_matter::parse_file;
pub use prose::{MIN_ADVICE_WORDS, check_prose, prose_words};
pub use validate::validate;

use super::{Node, Tree};
use std::fmt;
use std::path::Path;

/// One authoring mistake, located in its file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: String,
    /// 1-based; `None` for problems of the content as a whole, such as a missing start node.
    pub line: Option<usize>,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.file.as_str(), self.line) {
            ("", _) => write!(f, "{}", self.message),
            (file, Some(line)) => write!(f, "{file}:{line}: {}", self.message),
            (file, None) => write!(f, "{file}: {}", self.message),
        }
    }
}

/// A parsed node file: the node, its Markdown body, and where each part stands in the file.
#[derive(Clone, Debug)]
pub struct SourceNode {
    pub node: Node,
    pub body: String,
    lines: Lines,
    /// Where each answer stands, in the order of `node.answers`.
    answer_lines: Vec<AnswerLines>,
    /// Whether the file lists `[[answers]]` (guidance gets its answers from `fixed`/`not_fixed`).
    lists_answers: bool,
}

/// The 1-based line of each setting of a node file, for its errors; optional settings where given
/// (flags where set to `true`).
#[derive(Clone, Debug, Default)]
struct Lines {
    id: usize,
    title: usize,
    kind: usize,
    /// The body's first line.
    body: usize,
    fixed: Option<usize>,
    not_fixed: Option<usize>,
    check: Option<usize>,
    watch: Option<usize>,
    paste: Option<usize>,
    retry: Option<usize>,
    exhaustive: Option<usize>,
    ending: Option<usize>,
}

/// Where one answer stands: its `label` and `next` lines (for "Did this fix it?", the lines of
/// `kind` and of `fixed` or `not_fixed`), and whether it is marked as the way out for readers
/// whose case is not listed.
#[derive(Clone, Copy, Debug)]
struct AnswerLines {
    label: usize,
    next: usize,
    way_out: bool,
}

impl SourceNode {
    fn error(&self, line: usize, message: impl Into<String>) -> ContentError {
        ContentError {
            file: self.node.file.clone(),
            line: Some(line),
            message: message.into(),
        }
    }
}

/// Reads every node file under `root` (in a stable order) and validates them together, as a tree
/// and as a knowledge base ([`check_prose`]). Errors name files as `root/relative/path.md`, so
/// they can be opened straight from the message.
pub fn load_dir(root: &Path) -> Result<(Tree, Vec<SourceNode>), Vec<ContentError>> {
    let located = |mut error: ContentError| {
        error.file = root.join(&error.file).display().to_string();
        error
    };
    let mut files = Vec::new();
    collect_files(root, root, &mut files, false).map_err(|error| {
        vec![located(ContentError {
            file: String::new(),
            line: None,
            message: error.to_string(),
        })]
    })?;
    files.sort();
    let mut sources = Vec::new();
    let mut errors = Vec::new();
    for file in files {
        let parsed = std::fs::read_to_string(root.join(&file))
            .map_err(|error| ContentError {
                file: file.clone(),
                line: None,
                message: error.to_string(),
            })
            .and_then(|text| parse_file(&file, &text));
        match parsed {
            Ok(source) => sources.push(source),
            Err(error) => errors.push(located(error)),
        }
    }
    // A file that does not parse would make every answer leading to it look broken too: report
    // the parse errors alone until they are fixed.
    if !errors.is_empty() {
        return Err(errors);
    }
    let prose = check_prose(&sources);
    match validate(&sources) {
        Ok(tree) if prose.is_empty() => Ok((tree, sources)),
        Ok(_) => Err(prose.into_iter().map(located).collect()),
        Err(errors) => Err(errors.into_iter().chain(prose).map(located).collect()),
    }
}

/// The node files under `dir`, or with `translations` the translation files
/// (see [`translation::translation_tag`]), as paths relative to `root`.
fn collect_files(
    root: &Path,
    dir: &Path,
    out: &mut Vec<String>,
    translations: bool,
) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with(['_', '.']) {
            continue;
        }
        if path.is_dir() {
            collect_files(root, &path, out, translations)?;
        } else if name.ends_with(".md")
            && translation::translation_tag(name).is_some() == translations
        {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod translation_tests;
