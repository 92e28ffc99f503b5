//! Reads the authored node files of `content/` and checks them. The build script runs this on
//! every build, so an authoring mistake stops the build with `file:line: what is wrong` instead
//! of reaching a reader.
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

use super::{
    Answer, Audience, Ending, FIXED_LABEL, Kind, MAX_ANSWERS_TO_FIRST_FIX, NOT_FIXED_LABEL, Node,
    START, Tree,
};
use super::{PLACEHOLDER_SPACES, PLACEHOLDERS};
use crate::checks::{CHECKS, Check};
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;
use toml::Spanned;

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
    id_line: usize,
    kind_line: usize,
    body_line: usize,
    /// The line of each answer's `next`, in the order of `node.answers`.
    next_lines: Vec<usize>,
    /// The line of each answer's `label`, in the same order.
    label_lines: Vec<usize>,
    title_line: usize,
    /// Whether the file lists `[[answers]]` (guidance gets its answers from `fixed`/`not_fixed`).
    lists_answers: bool,
    /// The lines of `fixed`, `not_fixed` and `check`, where given, and of `watch = true`.
    fixed_line: Option<usize>,
    not_fixed_line: Option<usize>,
    check_line: Option<usize>,
    watch_line: Option<usize>,
    paste_line: Option<usize>,
    retry_line: Option<usize>,
    exhaustive_line: Option<usize>,
    ending_line: Option<usize>,
    /// Whether each answer is marked as the way out for readers whose case is not listed.
    way_out: Vec<bool>,
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: Spanned<String>,
    title: Spanned<String>,
    kind: Spanned<String>,
    audience: Spanned<String>,
    #[serde(default)]
    answers: Vec<AnswerMatter>,
    fixed: Option<Spanned<String>>,
    not_fixed: Option<Spanned<String>>,
    check: Option<Spanned<String>>,
    watch: Option<Spanned<bool>>,
    paste: Option<Spanned<bool>>,
    retry: Option<Spanned<bool>>,
    exhaustive: Option<Spanned<bool>>,
    ending: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AnswerMatter {
    label: Spanned<String>,
    next: Spanned<String>,
    when: Option<Spanned<Outcomes>>,
    way_out: Option<Spanned<bool>>,
}

/// `when = "offline"` or `when = ["nxdomain", "no-address"]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum Outcomes {
    One(String),
    Many(Vec<String>),
}

impl Outcomes {
    fn names(&self) -> Vec<&str> {
        match self {
            Outcomes::One(name) => vec![name.as_str()],
            Outcomes::Many(names) => names.iter().map(String::as_str).collect(),
        }
    }
}

/// The line that opens and closes a node file's settings.
const FENCE: &str = "+++";

/// A node file cut into its parts.
#[derive(Debug, PartialEq, Eq)]
struct NodeFile<'a> {
    /// The TOML settings between the fences.
    settings: &'a str,
    /// The 1-based line number of the first line of `settings`.
    settings_line: usize,
    /// The Markdown after the closing fence.
    body: &'a str,
    /// The 1-based line number of the first line of `body`.
    body_line: usize,
}

/// Why a file is not a node file.
#[derive(Debug, PartialEq, Eq)]
enum SplitError {
    NoOpeningFence,
    NoClosingFence,
}

/// Cuts a node file into settings and body.
fn split_node_file(text: &str) -> Result<NodeFile<'_>, SplitError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let opening = lines.next().ok_or(SplitError::NoOpeningFence)?;
    if opening.trim_end() != FENCE {
        return Err(SplitError::NoOpeningFence);
    }
    let mut offset = opening.len();
    for (n, line) in lines.enumerate() {
        if line.trim_end() == FENCE {
            return Ok(NodeFile {
                settings: &text[opening.len()..offset],
                settings_line: 2,
                body: &text[offset + line.len()..],
                body_line: n + 3,
            });
        }
        offset += line.len();
    }
    Err(SplitError::NoClosingFence)
}

/// Parses one node file. `file` is its path relative to `content/`, used in messages and by the
/// app to fetch the body.
pub fn parse_file(file: &str, text: &str) -> Result<SourceNode, ContentError> {
    let at = |line: usize, message: String| ContentError {
        file: file.to_string(),
        line: Some(line),
        message,
    };
    let parts = split_node_file(text).map_err(|error| match error {
        SplitError::NoOpeningFence => at(1, format!("a node file starts with a `{FENCE}` line, then its settings, then another `{FENCE}` line")),
        SplitError::NoClosingFence => at(1, format!("the settings are never closed: add a line with `{FENCE}` after them")),
    })?;
    let front = parts.settings;
    let line_of =
        |byte: usize| parts.settings_line + front[..byte.min(front.len())].matches('\n').count();

    let matter: FrontMatter = toml::from_str(front).map_err(|error| {
        let line = error.span().map_or(2, |span| line_of(span.start));
        at(
            line,
            format!("the settings do not parse: {}", error.message().trim_end()),
        )
    })?;

    let kind = super::parse_kind(matter.kind.get_ref()).ok_or_else(|| {
        at(
            line_of(matter.kind.span().start),
            format!(
                "kind is {:?}; it must be \"question\", \"guidance\" or \"end\"",
                matter.kind.get_ref()
            ),
        )
    })?;
    let audience = super::parse_audience(matter.audience.get_ref()).ok_or_else(|| {
        at(
            line_of(matter.audience.span().start),
            format!(
                "audience is {:?}; it must be \"visitor\", \"owner\" or \"everyone\"",
                matter.audience.get_ref()
            ),
        )
    })?;
    let body = parts.body.to_string();
    let kind_line = line_of(matter.kind.span().start);
    let spanned_line =
        |field: &Option<Spanned<String>>| field.as_ref().map(|f| line_of(f.span().start));
    let (fixed_line, not_fixed_line, check_line) = (
        spanned_line(&matter.fixed),
        spanned_line(&matter.not_fixed),
        spanned_line(&matter.check),
    );
    let set_line = |flag: &Option<Spanned<bool>>| {
        flag.as_ref()
            .filter(|flag| *flag.get_ref())
            .map(|flag| line_of(flag.span().start))
    };
    let lists_answers = !matter.answers.is_empty();
    let check = match &matter.check {
        None => None,
        Some(name) => Some(Check::parse(name.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = CHECKS.iter().map(|check| check.name()).collect();
            at(
                line_of(name.span().start),
                format!(
                    "check is {:?}; it must be one of: {}",
                    name.get_ref(),
                    known.join(", ")
                ),
            )
        })?),
    };
    let ending = match &matter.ending {
        None => None,
        Some(name) => Some(Ending::parse(name.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Ending::ALL.iter().map(|ending| ending.name()).collect();
            at(
                line_of(name.span().start),
                format!(
                    "ending is {:?}; it must be one of: {}",
                    name.get_ref(),
                    known.join(", ")
                ),
            )
        })?),
    };
    let mut answers: Vec<(Answer, usize, usize)> = Vec::new();
    let way_out: Vec<bool> = matter
        .answers
        .iter()
        .map(|a| a.way_out.as_ref().is_some_and(|w| *w.get_ref()))
        .collect();
    for a in matter.answers {
        let lines = (line_of(a.label.span().start), line_of(a.next.span().start));
        let when = match (&a.when, check) {
            (None, _) => Vec::new(),
            (Some(when), None) => {
                return Err(at(
                    line_of(when.span().start),
                    "`when` picks an answer by a check's outcome, but this question has no check"
                        .into(),
                ));
            }
            (Some(when), Some(check)) => when
                .get_ref()
                .names()
                .into_iter()
                .map(|name| {
                    check.outcome(name).ok_or_else(|| {
                        at(
                            line_of(when.span().start),
                            format!(
                                "the {} check has no outcome {name:?}; it has: {}",
                                check.name(),
                                check.outcomes().join(", ")
                            ),
                        )
                    })
                })
                .collect::<Result<_, _>>()?,
        };
        let answer = Answer {
            label: a.label.into_inner(),
            next: a.next.into_inner(),
            when,
        };
        answers.push((answer, lines.0, lines.1));
    }
    if kind == Kind::Guidance && !lists_answers {
        // "Did this fix it?": yes leads to the audience's fixed page unless `fixed` says otherwise.
        let fixed = matter.fixed.map_or_else(
            || format!("{}-fixed", super::audience_name(audience)),
            Spanned::into_inner,
        );
        answers.push((
            Answer {
                label: FIXED_LABEL.into(),
                next: fixed,
                when: Vec::new(),
            },
            kind_line,
            fixed_line.unwrap_or(kind_line),
        ));
        if let Some(not_fixed) = matter.not_fixed {
            answers.push((
                Answer {
                    label: NOT_FIXED_LABEL.into(),
                    next: not_fixed.into_inner(),
                    when: Vec::new(),
                },
                kind_line,
                not_fixed_line.unwrap_or(kind_line),
            ));
        }
    }
    Ok(SourceNode {
        id_line: line_of(matter.id.span().start),
        title_line: line_of(matter.title.span().start),
        kind_line,
        body_line: parts.body_line,
        label_lines: answers.iter().map(|(_, label, _)| *label).collect(),
        next_lines: answers.iter().map(|(_, _, next)| *next).collect(),
        lists_answers,
        fixed_line,
        not_fixed_line,
        check_line,
        watch_line: set_line(&matter.watch),
        paste_line: set_line(&matter.paste),
        retry_line: set_line(&matter.retry),
        exhaustive_line: set_line(&matter.exhaustive),
        ending_line: spanned_line(&matter.ending),
        way_out,
        node: Node {
            id: matter.id.into_inner(),
            title: matter.title.into_inner(),
            kind,
            audience,
            has_body: !body.trim().is_empty(),
            answers: answers.into_iter().map(|(answer, ..)| answer).collect(),
            file: file.to_string(),
            check,
            watch: set_line(&matter.watch).is_some(),
            paste: set_line(&matter.paste).is_some(),
            retry: set_line(&matter.retry).is_some(),
            ending,
        },
        body,
    })
}

/// Reads every node file under `root` (in a stable order) and validates them together. Errors
/// name files as `root/relative/path.md`, so they can be opened straight from the message.
pub fn load_dir(root: &Path) -> Result<(Tree, Vec<SourceNode>), Vec<ContentError>> {
    let located = |mut error: ContentError| {
        error.file = root.join(&error.file).display().to_string();
        error
    };
    let mut files = Vec::new();
    collect_node_files(root, root, &mut files).map_err(|error| {
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
    match validate(&sources) {
        Ok(tree) => Ok((tree, sources)),
        Err(errors) => Err(errors.into_iter().map(located).collect()),
    }
}

fn collect_node_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> std::io::Result<()> {
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
            collect_node_files(root, &path, out)?;
        } else if name.ends_with(".md") {
            let relative = path.strip_prefix(root).unwrap_or(&path);
            out.push(relative.to_string_lossy().replace('\\', "/"));
        }
    }
    Ok(())
}

/// Checks the nodes as one tree and builds it, or lists every mistake found.
pub fn validate(sources: &[SourceNode]) -> Result<Tree, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut by_id: HashMap<&str, &SourceNode> = HashMap::new();
    for source in sources {
        errors.extend(check_node(source));
        let id = source.node.id.as_str();
        match by_id.get(id) {
            Some(first) => errors.push(source.error(
                source.id_line,
                format!(
                    "id {id:?} is already used by {}; give this node its own id",
                    first.node.file
                ),
            )),
            None => {
                by_id.insert(id, source);
            }
        }
    }
    for source in sources {
        errors.extend(check_answers(source, &by_id));
    }
    match by_id.get(START) {
        None => errors.push(ContentError {
            file: String::new(),
            line: None,
            message: format!("no node has id = {START:?}; the start question is missing"),
        }),
        Some(start) => errors.extend(check_reachable_without_loops(start, sources, &by_id)),
    }
    if !errors.is_empty() {
        errors.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
        errors.dedup();
        return Err(errors);
    }
    let nodes = sources.iter().map(|s| s.node.clone()).collect();
    let tree = Tree::new(nodes).map_err(|error| {
        vec![ContentError {
            file: String::new(),
            line: None,
            message: error.to_string(),
        }]
    })?;
    check_depth(&tree, &by_id)?;
    Ok(tree)
}

/// A reader must reach a first fix within [`MAX_ANSWERS_TO_FIRST_FIX`] answers.
fn check_depth(tree: &Tree, by_id: &HashMap<&str, &SourceNode>) -> Result<(), Vec<ContentError>> {
    if tree.questions_left(tree.start()) <= MAX_ANSWERS_TO_FIRST_FIX {
        return Ok(());
    }
    // Follow the longest run of questions to name it.
    let mut path = vec![tree.start()];
    while let Some(next) = path
        .last()
        .filter(|node| node.kind == Kind::Question)
        .and_then(|node| {
            node.answers
                .iter()
                .filter_map(|answer| tree.node(&answer.next))
                .max_by_key(|next| tree.questions_left(next))
        })
    {
        path.push(next);
    }
    let last_question = path[MAX_ANSWERS_TO_FIRST_FIX];
    let ids: Vec<&str> = path.iter().map(|node| node.id.as_str()).collect();
    Err(vec![by_id[last_question.id.as_str()].error(
        by_id[last_question.id.as_str()].id_line,
        format!(
            "a reader needs {} answers to reach a first fix here ({}); the limit is {MAX_ANSWERS_TO_FIRST_FIX}",
            path.len() - 1,
            ids.join(" → ")
        ),
    )])
}

fn check_node(source: &SourceNode) -> Vec<ContentError> {
    let node = &source.node;
    let mut errors = Vec::new();
    let id = &node.id;
    let id_ok = !id.is_empty()
        && id.len() <= 64
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !id_ok {
        errors.push(source.error(
            source.id_line,
            format!("id {id:?} may only use lowercase letters, digits and '-' (at most 64)"),
        ));
    }
    let stem = node
        .file
        .rsplit('/')
        .next()
        .unwrap_or(&node.file)
        .trim_end_matches(".md");
    if id_ok && stem != id {
        errors.push(source.error(
            source.id_line,
            format!("id {id:?} differs from the file name; name the file {id}.md or change the id"),
        ));
    }
    if let Some(problem) = line_problem(&node.title) {
        errors.push(source.error(source.title_line, format!("title {problem}")));
    }
    for (answer, &line) in node.answers.iter().zip(&source.label_lines) {
        if let Some(problem) = line_problem(&answer.label) {
            errors.push(source.error(line, format!("answer label {problem}")));
        }
    }
    errors.extend(check_kind(source));
    errors.extend(check_body(source));
    if node.id == START && node.audience != Audience::Everyone {
        errors.push(source.error(
            source.id_line,
            "the start node is for everyone: set audience = \"everyone\"",
        ));
    }
    errors
}

/// What each kind of node must and must not have.
fn check_kind(source: &SourceNode) -> Vec<ContentError> {
    let node = &source.node;
    let kind = super::kind_name(node.kind);
    let mut errors = Vec::new();
    // Settings that belong to one kind of node: where each is set, its kind, and what it does.
    let owned = [
        (
            source.fixed_line,
            Kind::Guidance,
            "only guidance has fixed and not_fixed: remove them",
        ),
        (
            source.not_fixed_line,
            Kind::Guidance,
            "only guidance has fixed and not_fixed: remove them",
        ),
        (
            source.watch_line,
            Kind::Guidance,
            "only guidance offers to watch the site: remove watch",
        ),
        (
            source.paste_line,
            Kind::Question,
            "only a question offers to read a paste: remove paste",
        ),
        (
            source.check_line,
            Kind::Question,
            "only a question runs a check: remove it",
        ),
        (
            source.exhaustive_line,
            Kind::Question,
            "only a question's answers can cover every case: remove exhaustive",
        ),
        (
            source.ending_line,
            Kind::End,
            "only an end node says how the walk ended: remove ending",
        ),
    ];
    for (line, owner, rule) in owned {
        if let Some(line) = line
            && node.kind != owner
        {
            errors.push(source.error(line, format!("{rule} from this {kind} node")));
        }
    }
    if node.kind != Kind::Question && source.lists_answers {
        errors.push(source.error(
            source.kind_line,
            match node.kind {
                Kind::Guidance => {
                    "guidance ends with \"Did this fix it?\" instead of [[answers]]: \
                                   remove them and set not_fixed"
                }
                _ => "an end node ends the walk and has no [[answers]]; make it a question",
            },
        ));
    }
    for (i, answer) in node.answers.iter().enumerate() {
        let taken = answer
            .when
            .iter()
            .find(|outcome| node.answers[..i].iter().any(|a| a.when.contains(outcome)));
        if let Some(outcome) = taken {
            errors.push(source.error(
                source.label_lines[i],
                format!("two answers are picked by the outcome {outcome:?}; keep one"),
            ));
        }
    }
    match node.kind {
        Kind::Question if node.answers.is_empty() => errors.push(source.error(
            source.kind_line,
            "this question has no answers: add [[answers]] with a label and a next node",
        )),
        Kind::End if node.ending.is_none() => errors.push(source.error(
            source.kind_line,
            "an end node says how the walk ended: set ending = \"fixed\", \"not-fixed\", \
             \"escalated\" or \"informed\"",
        )),
        Kind::Guidance if source.not_fixed_line.is_none() && !source.lists_answers => {
            errors.push(source.error(
                source.kind_line,
                "guidance ends with \"Did this fix it?\": set not_fixed to the next most likely \
                 cause (or to the step that says what to send to support)",
            ))
        }
        _ => {}
    }
    if let Some(line) = source.retry_line.filter(|_| node.kind == Kind::End) {
        errors.push(source.error(
            line,
            "an end node ends the walk and offers no retry: remove retry",
        ));
    }
    let listed = node.answers.len();
    if node.kind == Kind::Question
        && listed >= 3
        && source.exhaustive_line.is_none()
        && !source.way_out.contains(&true)
    {
        errors.push(source.error(
            source.kind_line,
            format!(
                "this question has {listed} answers and no way out for a reader whose case is not \
                 listed: add an answer such as \"Something else, or I'm not sure\" with way_out = \
                 true, leading to general advice, or set exhaustive = true if the answers cover \
                 every case"
            ),
        ));
    }
    if node.kind != Kind::Question && !node.has_body {
        errors.push(source.error(
            source.body_line,
            format!("this {kind} has no text: write it below the closing +++ line"),
        ));
    }
    errors
}

/// The body's placeholders must be ones the page fills, in text rather than in links, and a
/// heading may only be tagged for devices, browsers and systems the page knows.
fn check_body(source: &SourceNode) -> Vec<ContentError> {
    let names: Vec<String> = PLACEHOLDERS
        .iter()
        .map(|(name, _)| format!("{{{{{name}}}}}"))
        .collect();
    let mut errors = Vec::new();
    let mut in_code = false;
    for (n, line) in source.body.lines().enumerate() {
        let at = source.body_line + n;
        let trimmed = line.trim_start();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_code = !in_code;
        }
        let mut rest = line;
        while let Some(open) = rest.find("{{") {
            let after = &rest[open + 2..];
            rest = after;
            if !PLACEHOLDER_SPACES
                .iter()
                .any(|space| after.starts_with(space))
            {
                continue; // a template in a command, such as docker's {{json .Config}}
            }
            let name = after.split("}}").next().unwrap_or(after);
            if !after.contains("}}") || !PLACEHOLDERS.iter().any(|(known, _)| *known == name) {
                errors.push(source.error(
                    at,
                    format!(
                        "{{{{{}…: the page fills only {}",
                        name.chars().take(20).collect::<String>(),
                        names.join(", ")
                    ),
                ));
            } else if line[..line.len() - after.len()]
                .rfind("](")
                .is_some_and(|link| !line[link..line.len() - after.len()].contains(')'))
            {
                errors.push(source.error(
                    at,
                    format!("{{{{{name}}}}} is in a link: placeholders are filled in text only"),
                ));
            }
        }
        if in_code || !trimmed.starts_with('#') {
            continue;
        }
        let Some(attributes) = trimmed
            .strip_suffix('}')
            .and_then(|heading| heading.rsplit_once('{'))
            .map(|(_, attributes)| attributes)
        else {
            continue;
        };
        for class in attributes.split_whitespace() {
            let tag = class.strip_prefix('.');
            if !tag.is_some_and(crate::reader::is_tag) {
                errors.push(source.error(
                    at,
                    format!(
                        "heading tag {class:?} is not a device, browser or system: use .{}, .{} or .{}",
                        crate::reader::DEVICES.join(", ."),
                        crate::reader::BROWSERS.join(", ."),
                        crate::reader::SYSTEMS.join(", .")
                    ),
                ));
            }
        }
    }
    errors
}

/// Why a title or label cannot be shown on one line, if it cannot.
fn line_problem(text: &str) -> Option<&'static str> {
    if text.trim().is_empty() {
        Some("is empty")
    } else if text.chars().any(char::is_control) {
        Some("must be a single line without tabs")
    } else {
        None
    }
}

fn check_answers(source: &SourceNode, by_id: &HashMap<&str, &SourceNode>) -> Vec<ContentError> {
    let node = &source.node;
    let mut errors = Vec::new();
    let mut seen = HashSet::new();
    for (answer, &line) in node.answers.iter().zip(&source.next_lines) {
        if !seen.insert(answer.next.as_str()) {
            errors.push(source.error(
                line,
                format!("two answers lead to {:?}; merge them", answer.next),
            ));
        }
        match by_id.get(answer.next.as_str()) {
            None => errors.push(source.error(
                line,
                format!(
                    "answer {:?} leads to {:?}, but no node has that id",
                    answer.label, answer.next
                ),
            )),
            Some(target) => {
                let from = node.audience;
                let to = target.node.audience;
                if from != Audience::Everyone && to != Audience::Everyone && from != to {
                    errors.push(source.error(
                        line,
                        format!(
                            "answer leads from the {} tree into the {} tree ({})",
                            super::audience_name(from),
                            super::audience_name(to),
                            target.node.file
                        ),
                    ));
                }
            }
        }
    }
    errors
}

/// Walks the tree from the start: reports nodes no answer path reaches, and answers that lead
/// back to a node already on the path (a loop would let a reader go round for ever).
fn check_reachable_without_loops(
    start: &SourceNode,
    sources: &[SourceNode],
    by_id: &HashMap<&str, &SourceNode>,
) -> Vec<ContentError> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        OnPath,
        Done,
    }
    let mut marks: HashMap<&str, Mark> = HashMap::new();
    let mut errors = Vec::new();
    // An explicit stack of (node, index of the next answer to follow) keeps deep trees off the
    // call stack.
    let mut stack: Vec<(&SourceNode, usize)> = vec![(start, 0)];
    marks.insert(start.node.id.as_str(), Mark::OnPath);
    while let Some((source, i)) = stack.pop() {
        let Some(answer) = source.node.answers.get(i) else {
            marks.insert(source.node.id.as_str(), Mark::Done);
            continue;
        };
        stack.push((source, i + 1));
        let Some(&target) = by_id.get(answer.next.as_str()) else {
            continue;
        };
        match marks.get(target.node.id.as_str()) {
            Some(Mark::Done) => {}
            Some(Mark::OnPath) => {
                let path: Vec<&str> = stack.iter().map(|(s, _)| s.node.id.as_str()).collect();
                let from = path
                    .iter()
                    .position(|&id| id == target.node.id)
                    .unwrap_or(0);
                errors.push(source.error(
                    source.next_lines[i],
                    format!(
                        "this answer makes a loop: {} → {}",
                        path[from..].join(" → "),
                        target.node.id
                    ),
                ));
            }
            None => {
                marks.insert(target.node.id.as_str(), Mark::OnPath);
                stack.push((target, 0));
            }
        }
    }
    for source in sources {
        if !marks.contains_key(source.node.id.as_str()) {
            errors.push(source.error(
                source.id_line,
                "no answer leads to this node: link it from a question or delete the file",
            ));
        }
    }
    errors
}

#[cfg(test)]
mod tests {
    use super::*;

    const START_FILE: &str = "+++\nid = \"start\"\ntitle = \"Who are you?\"\nkind = \"question\"\naudience = \"everyone\"\n\n[[answers]]\nlabel = \"A visitor\"\nnext = \"visitor-tip\"\n+++\n";
    const TIP_FILE: &str = "+++\nid = \"visitor-tip\"\ntitle = \"Reload\"\nkind = \"end\"\naudience = \"visitor\"\nending = \"fixed\"\n+++\nPress F5.\n";

    /// Validates the given files and returns the errors as the build prints them.
    fn errors(files: &[(&str, &str)]) -> Vec<String> {
        let mut sources = Vec::new();
        let mut errors = Vec::new();
        for (file, text) in files {
            match parse_file(file, text) {
                Ok(source) => sources.push(source),
                Err(error) => errors.push(error.to_string()),
            }
        }
        if errors.is_empty()
            && let Err(found) = validate(&sources)
        {
            errors.extend(found.iter().map(ToString::to_string));
        }
        errors
    }

    fn end_node(id: &str, audience: &str) -> String {
        format!(
            "+++\nid = \"{id}\"\ntitle = \"T\"\nkind = \"end\"\nending = \"fixed\"\naudience = \"{audience}\"\n+++\nText.\n"
        )
    }

    #[test]
    fn node_files_split_into_settings_and_body() {
        let file = split_node_file("\u{feff}+++\r\nid = \"a\"\r\n+++\r\nBody\n").unwrap();
        assert_eq!(
            (file.settings, file.settings_line, file.body, file.body_line),
            ("id = \"a\"\r\n", 2, "Body\n", 4)
        );
        assert_eq!(split_node_file("+++\n+++").unwrap().body, "");
        assert_eq!(split_node_file("id = 1\n"), Err(SplitError::NoOpeningFence));
        assert_eq!(split_node_file(""), Err(SplitError::NoOpeningFence));
        assert_eq!(
            split_node_file("+++\nid = 1\n"),
            Err(SplitError::NoClosingFence)
        );
    }

    #[test]
    fn good_content_builds_a_tree_with_bodies_and_lines() {
        let start = parse_file("start.md", START_FILE).unwrap();
        let tip = parse_file("visitor/visitor-tip.md", TIP_FILE).unwrap();
        assert_eq!(tip.body, "Press F5.\n");
        assert_eq!(
            (start.id_line, start.kind_line, start.next_lines.clone()),
            (2, 4, vec![9])
        );
        let tree = validate(&[start, tip]).unwrap();
        assert_eq!(tree.start().answers[0].next, "visitor-tip");
        assert_eq!(
            tree.node("visitor-tip").unwrap().file,
            "visitor/visitor-tip.md"
        );
        assert!(tree.node("visitor-tip").unwrap().has_body);
    }

    #[test]
    fn the_real_content_directory_is_valid() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
        let (tree, sources) = load_dir(&root).unwrap_or_else(|errors| {
            panic!(
                "{}",
                errors
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        });
        assert_eq!(tree.nodes().len(), sources.len());
        assert!(
            tree.start().answers.len() >= 2,
            "the start asks who is reading"
        );
    }

    #[test]
    fn front_matter_that_does_not_parse_is_located() {
        let broken = "+++\nid = \"start\"\ntitle = \"Oops\nkind = \"question\"\n+++\n";
        assert_eq!(
            errors(&[("start.md", broken)]),
            ["start.md:3: the settings do not parse: invalid basic string, expected `\"`"]
        );
    }

    #[test]
    fn missing_fences_and_unknown_fields_are_reported() {
        assert_eq!(
            errors(&[("a.md", "id = \"a\"\n")]),
            [
                "a.md:1: a node file starts with a `+++` line, then its settings, then another `+++` line"
            ]
        );
        assert_eq!(
            errors(&[("a.md", "+++\nid = \"a\"\n")]),
            ["a.md:1: the settings are never closed: add a line with `+++` after them"]
        );
        let typo = TIP_FILE.replace(
            "audience = \"visitor\"\n",
            "audience = \"visitor\"\nanwsers = []\n",
        );
        let found = errors(&[("visitor-tip.md", &typo)]);
        assert!(
            found[0].starts_with(
                "visitor-tip.md:6: the settings do not parse: unknown field `anwsers`"
            ),
            "{found:?}"
        );
    }

    #[test]
    fn a_bad_kind_or_audience_names_the_choices() {
        let kind = TIP_FILE.replace("\"end\"", "\"advice\"");
        assert_eq!(
            errors(&[("visitor-tip.md", &kind)]),
            [
                "visitor-tip.md:4: kind is \"advice\"; it must be \"question\", \"guidance\" or \"end\""
            ]
        );
        let audience = TIP_FILE.replace("\"visitor\"", "\"admin\"");
        assert_eq!(
            errors(&[("visitor-tip.md", &audience)]),
            [
                "visitor-tip.md:5: audience is \"admin\"; it must be \"visitor\", \"owner\" or \"everyone\""
            ]
        );
    }

    #[test]
    fn duplicate_ids_point_at_the_second_file() {
        assert_eq!(
            errors(&[
                ("start.md", START_FILE),
                ("visitor-tip.md", TIP_FILE),
                ("copy/visitor-tip.md", TIP_FILE)
            ]),
            [
                "copy/visitor-tip.md:2: id \"visitor-tip\" is already used by visitor-tip.md; give this node its own id"
            ]
        );
    }

    #[test]
    fn an_answer_to_no_node_is_reported_at_its_next_line() {
        let start = START_FILE.replace("next = \"visitor-tip\"", "next = \"visitor-tpi\"");
        let found = errors(&[("start.md", &start), ("visitor-tip.md", TIP_FILE)]);
        assert_eq!(
            found,
            [
                "start.md:9: answer \"A visitor\" leads to \"visitor-tpi\", but no node has that id",
                "visitor-tip.md:2: no answer leads to this node: link it from a question or delete the file",
            ]
        );
    }

    #[test]
    fn unreachable_nodes_are_reported() {
        let found = errors(&[
            ("start.md", START_FILE),
            ("visitor-tip.md", TIP_FILE),
            ("orphan.md", &end_node("orphan", "visitor")),
        ]);
        assert_eq!(
            found,
            [
                "orphan.md:2: no answer leads to this node: link it from a question or delete the file"
            ]
        );
    }

    #[test]
    fn a_loop_is_reported_at_the_answer_that_closes_it() {
        let start = START_FILE.replace("next = \"visitor-tip\"", "next = \"visitor-a\"");
        let a = "+++\nid = \"visitor-a\"\ntitle = \"A?\"\nkind = \"question\"\naudience = \"visitor\"\n[[answers]]\nlabel = \"On\"\nnext = \"visitor-b\"\n+++\n";
        let b = "+++\nid = \"visitor-b\"\ntitle = \"B?\"\nkind = \"question\"\naudience = \"visitor\"\n[[answers]]\nlabel = \"Done\"\nnext = \"visitor-tip\"\n[[answers]]\nlabel = \"Again\"\nnext = \"visitor-a\"\n+++\n";
        let found = errors(&[
            ("start.md", &start),
            ("visitor-a.md", a),
            ("visitor-b.md", b),
            ("visitor-tip.md", TIP_FILE),
        ]);
        assert_eq!(
            found,
            ["visitor-b.md:11: this answer makes a loop: visitor-a → visitor-b → visitor-a"]
        );
    }

    #[test]
    fn a_question_without_answers_and_empty_guidance_are_reported() {
        let lonely = "+++\nid = \"start\"\ntitle = \"Who?\"\nkind = \"question\"\naudience = \"everyone\"\n+++\n";
        assert_eq!(
            errors(&[("start.md", lonely)]),
            [
                "start.md:4: this question has no answers: add [[answers]] with a label and a next node"
            ]
        );
        let empty = TIP_FILE.replace("Press F5.\n", "\n  \n");
        assert_eq!(
            errors(&[("start.md", START_FILE), ("visitor-tip.md", &empty)]),
            ["visitor-tip.md:8: this end has no text: write it below the closing +++ line"]
        );
    }

    #[test]
    fn ids_titles_and_audiences_are_checked() {
        let start = START_FILE.replace("visitor-tip", "Visitor Tip");
        let found = errors(&[
            ("start.md", &start),
            (
                "Visitor Tip.md",
                &TIP_FILE.replace("visitor-tip", "Visitor Tip"),
            ),
        ]);
        assert!(found.contains(&"Visitor Tip.md:2: id \"Visitor Tip\" may only use lowercase letters, digits and '-' (at most 64)".to_string()), "{found:?}");

        let renamed = errors(&[("start.md", START_FILE), ("visitor/tip.md", TIP_FILE)]);
        assert_eq!(
            renamed,
            [
                "visitor/tip.md:2: id \"visitor-tip\" differs from the file name; name the file visitor-tip.md or change the id"
            ]
        );

        let title = TIP_FILE.replace("title = \"Reload\"", "title = \"Re\\tload\"");
        assert_eq!(
            errors(&[("start.md", START_FILE), ("visitor-tip.md", &title)]),
            ["visitor-tip.md:3: title must be a single line without tabs"]
        );

        let crossing = START_FILE.replace("next = \"visitor-tip\"", "next = \"visitor-q\"");
        let q = "+++\nid = \"visitor-q\"\ntitle = \"Q\"\nkind = \"question\"\naudience = \"visitor\"\n[[answers]]\nlabel = \"\"\nnext = \"owner-tip\"\n+++\n";
        let found = errors(&[
            ("start.md", &crossing),
            ("visitor-q.md", q),
            ("owner-tip.md", &end_node("owner-tip", "owner")),
        ]);
        assert_eq!(
            found,
            [
                "visitor-q.md:7: answer label is empty",
                "visitor-q.md:8: answer leads from the visitor tree into the owner tree (owner-tip.md)",
            ]
        );
    }

    #[test]
    fn two_answers_to_one_node_and_a_start_not_for_everyone_are_reported() {
        let start = "+++\nid = \"start\"\ntitle = \"Who?\"\nkind = \"question\"\naudience = \"visitor\"\n[[answers]]\nlabel = \"One\"\nnext = \"visitor-tip\"\n[[answers]]\nlabel = \"Two\"\nnext = \"visitor-tip\"\n+++\n";
        assert_eq!(
            errors(&[("start.md", start), ("visitor-tip.md", TIP_FILE)]),
            [
                "start.md:2: the start node is for everyone: set audience = \"everyone\"",
                "start.md:11: two answers lead to \"visitor-tip\"; merge them",
            ]
        );
    }

    /// A guidance node for visitors, with the given extra settings.
    fn advice(settings: &str) -> String {
        format!(
            "+++\nid = \"visitor-advice\"\ntitle = \"Clear the cache\"\nkind = \"guidance\"\naudience = \"visitor\"\n{settings}+++\nClear it.\n"
        )
    }

    fn with_advice(settings: &str) -> Vec<String> {
        let start = START_FILE.replace("next = \"visitor-tip\"", "next = \"visitor-advice\"");
        errors(&[
            ("start.md", &start),
            ("visitor-advice.md", &advice(settings)),
            ("visitor-tip.md", TIP_FILE),
            ("visitor-fixed.md", &end_node("visitor-fixed", "visitor")),
        ])
    }

    #[test]
    fn guidance_ends_with_did_this_fix_it() {
        assert_eq!(
            with_advice("not_fixed = \"visitor-tip\"\n"),
            Vec::<String>::new()
        );
        let source = parse_file(
            "visitor-advice.md",
            &advice("not_fixed = \"visitor-tip\"\n"),
        )
        .unwrap();
        let answers: Vec<(&str, &str)> = source
            .node
            .answers
            .iter()
            .map(|a| (a.label.as_str(), a.next.as_str()))
            .collect();
        assert_eq!(
            answers,
            [
                (FIXED_LABEL, "visitor-fixed"),
                (NOT_FIXED_LABEL, "visitor-tip")
            ]
        );

        let custom = parse_file(
            "visitor-advice.md",
            &advice("fixed = \"visitor-tip\"\nnot_fixed = \"x\"\n"),
        )
        .unwrap();
        assert_eq!(custom.node.answers[0].next, "visitor-tip");
    }

    #[test]
    fn guidance_without_not_fixed_or_with_answers_is_reported() {
        assert_eq!(
            with_advice(""),
            [
                "visitor-advice.md:4: guidance ends with \"Did this fix it?\": set not_fixed to the next most likely cause (or to the step that says what to send to support)",
                "visitor-tip.md:2: no answer leads to this node: link it from a question or delete the file"
            ]
        );
        let listed = with_advice(
            "not_fixed = \"visitor-tip\"\n[[answers]]\nlabel = \"Go\"\nnext = \"visitor-tip\"\n",
        );
        assert_eq!(
            listed,
            [
                "visitor-advice.md:4: guidance ends with \"Did this fix it?\" instead of [[answers]]: remove them and set not_fixed",
                "visitor-fixed.md:2: no answer leads to this node: link it from a question or delete the file",
            ]
        );
        let nowhere = with_advice("not_fixed = \"visitor-tpi\"\n");
        assert!(nowhere.contains(&"visitor-advice.md:6: answer \"No, the error is still there\" leads to \"visitor-tpi\", but no node has that id".to_string()), "{nowhere:?}");
    }

    #[test]
    fn guidance_needs_its_fixed_page() {
        let start = START_FILE.replace("next = \"visitor-tip\"", "next = \"visitor-advice\"");
        let found = errors(&[
            ("start.md", &start),
            (
                "visitor-advice.md",
                &advice("not_fixed = \"visitor-tip\"\n"),
            ),
            ("visitor-tip.md", TIP_FILE),
        ]);
        assert_eq!(
            found,
            [
                "visitor-advice.md:4: answer \"Yes, that fixed it\" leads to \"visitor-fixed\", but no node has that id"
            ]
        );
    }

    #[test]
    fn end_nodes_say_how_the_walk_ended_and_only_they_do() {
        let silent = TIP_FILE.replace("ending = \"fixed\"\n", "");
        assert_eq!(
            errors(&[("start.md", START_FILE), ("visitor-tip.md", &silent)]),
            [
                "visitor-tip.md:4: an end node says how the walk ended: set ending = \"fixed\", \"not-fixed\", \"escalated\" or \"informed\""
            ]
        );
        let unknown = TIP_FILE.replace("\"fixed\"", "\"solved\"");
        assert_eq!(
            errors(&[("start.md", START_FILE), ("visitor-tip.md", &unknown)]),
            [
                "visitor-tip.md:6: ending is \"solved\"; it must be one of: fixed, not-fixed, escalated, informed"
            ]
        );
        let question = START_FILE.replace(
            "audience = \"everyone\"\n",
            "audience = \"everyone\"\nending = \"fixed\"\n",
        );
        assert_eq!(
            errors(&[("start.md", &question), ("visitor-tip.md", TIP_FILE)]),
            [
                "start.md:6: only an end node says how the walk ended: remove ending from this question node"
            ]
        );
    }

    #[test]
    fn only_guidance_takes_fixed_and_not_fixed() {
        let end = TIP_FILE.replace(
            "audience = \"visitor\"\n",
            "audience = \"visitor\"\nnot_fixed = \"start\"\n",
        );
        assert_eq!(
            errors(&[("start.md", START_FILE), ("visitor-tip.md", &end)]),
            [
                "visitor-tip.md:6: only guidance has fixed and not_fixed: remove them from this end node"
            ]
        );
    }

    #[test]
    fn a_first_fix_deeper_than_eight_answers_is_reported() {
        let chain: Vec<(String, String)> = (1..=9)
            .map(|n| {
                let next = if n == 9 { "visitor-tip".to_string() } else { format!("visitor-q{}", n + 1) };
                let file = format!("+++\nid = \"visitor-q{n}\"\ntitle = \"Q{n}?\"\nkind = \"question\"\naudience = \"visitor\"\n[[answers]]\nlabel = \"On\"\nnext = \"{next}\"\n+++\n");
                (format!("visitor-q{n}.md"), file)
            })
            .collect();
        let start = START_FILE.replace("next = \"visitor-tip\"", "next = \"visitor-q1\"");
        let mut files: Vec<(&str, &str)> = chain
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect();
        files.push(("start.md", &start));
        files.push(("visitor-tip.md", TIP_FILE));
        assert_eq!(
            errors(&files),
            [
                "visitor-q8.md:2: a reader needs 10 answers to reach a first fix here (start → visitor-q1 → visitor-q2 → visitor-q3 → visitor-q4 → visitor-q5 → visitor-q6 → visitor-q7 → visitor-q8 → visitor-q9 → visitor-tip); the limit is 8"
            ]
        );
    }

    /// A start question with three answers to end nodes, its extra settings, and the end nodes.
    fn three_answers(settings: &str, third: &str) -> Vec<(String, String)> {
        let start = format!(
            "+++\nid = \"start\"\ntitle = \"Which?\"\nkind = \"question\"\naudience = \"everyone\"\n{settings}\n\
             [[answers]]\nlabel = \"One\"\nnext = \"visitor-a\"\n\n[[answers]]\nlabel = \"Two\"\nnext = \"visitor-b\"\n\n\
             [[answers]]\nlabel = \"Something else\"\nnext = \"visitor-c\"\n{third}\n+++\n"
        );
        let mut files = vec![("start.md".to_string(), start)];
        for id in ["visitor-a", "visitor-b", "visitor-c"] {
            files.push((format!("{id}.md"), end_node(id, "visitor")));
        }
        files
    }

    fn errors_of(files: &[(String, String)]) -> Vec<String> {
        let files: Vec<(&str, &str)> = files
            .iter()
            .map(|(f, t)| (f.as_str(), t.as_str()))
            .collect();
        errors(&files)
    }

    #[test]
    fn a_question_with_three_answers_needs_a_way_out_or_to_say_they_cover_everything() {
        let missing = errors_of(&three_answers("", ""));
        assert_eq!(missing.len(), 1, "{missing:?}");
        assert!(
            missing[0].starts_with("start.md:4: this question has 3 answers and no way out"),
            "{missing:?}"
        );
        assert!(errors_of(&three_answers("", "way_out = true")).is_empty());
        assert!(errors_of(&three_answers("exhaustive = true", "")).is_empty());
        assert!(errors_of(&three_answers("exhaustive = false", "way_out = false")).len() == 1);
        let on_guidance = with_advice("not_fixed = \"visitor-tip\"\nexhaustive = true\n");
        assert!(
            on_guidance
                .iter()
                .any(|e| e.contains("only a question's answers can cover every case")),
            "{on_guidance:?}"
        );
    }

    #[test]
    fn an_end_node_offers_no_retry() {
        let start = START_FILE.to_string();
        let tip = TIP_FILE.replace("ending = \"fixed\"", "ending = \"fixed\"\nretry = true");
        let found = errors(&[("start.md", &start), ("visitor-tip.md", &tip)]);
        assert_eq!(
            found,
            ["visitor-tip.md:7: an end node ends the walk and offers no retry: remove retry"]
        );
    }

    #[test]
    fn placeholders_must_be_known_and_outside_links() {
        let tip = |body: &str| TIP_FILE.replace("Press F5.", body);
        let found =
            |body: &str| errors(&[("start.md", START_FILE), ("visitor-tip.md", &tip(body))]);
        assert!(found("Run `nslookup {{site.host}}` and quote {{request.id}}.").is_empty());
        assert!(
            found("```sh\ndocker inspect -f '{{json .Config}}' app\n```").is_empty(),
            "templates in commands are not placeholders"
        );
        assert_eq!(
            found("Open\n{{site.hots}} now."),
            [
                "visitor-tip.md:9: {{site.hots…: the page fills only {{site.host}}, {{site.url}}, {{site.origin}}, {{request.id}}"
            ]
        );
        assert_eq!(
            found("[open it]({{site.url}})"),
            ["visitor-tip.md:8: {{site.url}} is in a link: placeholders are filled in text only"]
        );
    }

    #[test]
    fn headings_are_tagged_only_for_known_readers() {
        let tip = |body: &str| TIP_FILE.replace("Press F5.", body);
        let found =
            |body: &str| errors(&[("start.md", START_FILE), ("visitor-tip.md", &tip(body))]);
        assert!(
            found("## On a phone {.phone}\n\nTap.\n\n## Chrome {.desktop .chrome}\n\nClick.")
                .is_empty()
        );
        let wrong = found("Intro.\n\n## On a Nokia {.nokia}\n\nTap.");
        assert_eq!(wrong.len(), 1, "{wrong:?}");
        assert!(
            wrong[0].starts_with("visitor-tip.md:10: heading tag \".nokia\" is not a device, browser or system: use .phone, .desktop, .chrome"),
            "{wrong:?}"
        );
        assert!(
            found("```sh\n# a comment {.x}\n```").is_empty(),
            "code is not a heading"
        );
    }

    fn start_with_check(check: &str, when: &str) -> String {
        format!(
            "+++\nid = \"start\"\ntitle = \"Who?\"\nkind = \"question\"\naudience = \"everyone\"\n{check}\n[[answers]]\nlabel = \"A visitor\"\nnext = \"visitor-tip\"\n{when}\n+++\n"
        )
    }

    #[test]
    fn a_question_maps_check_outcomes_to_answers() {
        let text = start_with_check("check = \"online\"", "when = \"offline\"");
        assert_eq!(
            errors(&[("start.md", &text), ("visitor-tip.md", TIP_FILE)]),
            Vec::<String>::new()
        );
        let source = parse_file("start.md", &text).unwrap();
        assert_eq!(source.node.check, Some(Check::Online));
        assert_eq!(
            source.node.answer_for("offline").unwrap().next,
            "visitor-tip"
        );
    }

    #[test]
    fn several_outcomes_can_pick_one_answer() {
        let text = start_with_check("check = \"dns\"", "when = [\"nxdomain\", \"no-address\"]");
        assert_eq!(
            errors(&[("start.md", &text), ("visitor-tip.md", TIP_FILE)]),
            Vec::<String>::new()
        );
        let source = parse_file("start.md", &text).unwrap();
        assert_eq!(source.node.answers[0].when, ["nxdomain", "no-address"]);
        let bad = start_with_check("check = \"dns\"", "when = [\"nxdomain\", \"gone\"]");
        assert_eq!(
            errors(&[("start.md", &bad)]),
            [
                "start.md:10: the dns check has no outcome \"gone\"; it has: resolves, nxdomain, servfail, no-address, no-resolver"
            ]
        );
    }

    #[test]
    fn unknown_checks_and_outcomes_are_reported_with_the_choices() {
        let unknown = start_with_check("check = \"ping\"", "");
        assert_eq!(
            errors(&[("start.md", &unknown)]),
            [
                "start.md:6: check is \"ping\"; it must be one of: online, site-answers, site-status, dns, status-page, site-hop"
            ]
        );
        let outcome = start_with_check("check = \"dns\"", "when = \"offline\"");
        assert_eq!(
            errors(&[("start.md", &outcome)]),
            [
                "start.md:10: the dns check has no outcome \"offline\"; it has: resolves, nxdomain, servfail, no-address, no-resolver"
            ]
        );
        let no_check = start_with_check("", "when = \"offline\"");
        assert_eq!(
            errors(&[("start.md", &no_check)]),
            [
                "start.md:10: `when` picks an answer by a check's outcome, but this question has no check"
            ]
        );
    }

    #[test]
    fn only_questions_run_checks_and_each_outcome_picks_one_answer() {
        let end = TIP_FILE.replace(
            "audience = \"visitor\"\n",
            "audience = \"visitor\"\ncheck = \"dns\"\n",
        );
        assert_eq!(
            errors(&[("start.md", START_FILE), ("visitor-tip.md", &end)]),
            ["visitor-tip.md:6: only a question runs a check: remove it from this end node"]
        );
        let twice = "+++\nid = \"start\"\ntitle = \"Who?\"\nkind = \"question\"\naudience = \"everyone\"\ncheck = \"online\"\n[[answers]]\nlabel = \"One\"\nnext = \"visitor-tip\"\nwhen = \"online\"\n[[answers]]\nlabel = \"Two\"\nnext = \"visitor-other\"\nwhen = \"online\"\n+++\n";
        let found = errors(&[
            ("start.md", twice),
            ("visitor-tip.md", TIP_FILE),
            ("visitor-other.md", &end_node("visitor-other", "visitor")),
        ]);
        assert_eq!(
            found,
            ["start.md:12: two answers are picked by the outcome \"online\"; keep one"]
        );
    }

    #[test]
    fn guidance_may_offer_to_watch_the_site() {
        let source = parse_file(
            "visitor-advice.md",
            &advice("not_fixed = \"visitor-tip\"\nwatch = true\n"),
        )
        .unwrap();
        assert!(source.node.watch);
        let question = start_with_check("watch = true", "");
        assert_eq!(
            errors(&[("start.md", &question), ("visitor-tip.md", TIP_FILE)]),
            [
                "start.md:6: only guidance offers to watch the site: remove watch from this question node"
            ]
        );
    }

    #[test]
    fn a_missing_start_is_reported_for_the_whole_content() {
        assert_eq!(
            errors(&[("visitor-tip.md", TIP_FILE)]),
            ["no node has id = \"start\"; the start question is missing"]
        );
    }
}
