//! The checks of the nodes as one tree: each node's own settings and body, every answer leading
//! to a node, every node reachable from the start without loops, and a first fix within
//! [`MAX_ANSWERS_TO_FIRST_FIX`] answers. Every mistake is found, not just the first.

use super::{ContentError, SourceNode};
use crate::content::{
    Audience, Kind, MAX_ANSWERS_TO_FIRST_FIX, PLACEHOLDER_SPACES, PLACEHOLDERS, START, Tree,
};
use std::collections::{HashMap, HashSet};

/// Checks the nodes as one tree and builds it, or lists every mistake found.
pub fn validate(sources: &[SourceNode]) -> Result<Tree, Vec<ContentError>> {
    let mut errors = Vec::new();
    let mut by_id: HashMap<&str, &SourceNode> = HashMap::new();
    for source in sources {
        errors.extend(check_node(source));
        let id = source.node.id.as_str();
        match by_id.get(id) {
            Some(first) => errors.push(source.error(
                source.lines.id,
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
        by_id[last_question.id.as_str()].lines.id,
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
            source.lines.id,
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
            source.lines.id,
            format!("id {id:?} differs from the file name; name the file {id}.md or change the id"),
        ));
    }
    if let Some(problem) = line_problem(&node.title) {
        errors.push(source.error(source.lines.title, format!("title {problem}")));
    }
    for (answer, line) in node
        .answers
        .iter()
        .zip(source.answer_lines.iter().map(|l| l.label))
    {
        if let Some(problem) = line_problem(&answer.label) {
            errors.push(source.error(line, format!("answer label {problem}")));
        }
    }
    errors.extend(check_kind(source));
    errors.extend(check_body(source));
    if node.id == START && node.audience != Audience::Everyone {
        errors.push(source.error(
            source.lines.id,
            "the start node is for everyone: set audience = \"everyone\"",
        ));
    }
    errors
}

/// What each kind of node must and must not have.
fn check_kind(source: &SourceNode) -> Vec<ContentError> {
    let node = &source.node;
    let kind = (node.kind).name();
    let mut errors = Vec::new();
    // Settings that belong to one kind of node: where each is set, its kind, and what it does.
    let owned = [
        (
            source.lines.fixed,
            Kind::Guidance,
            "only guidance has fixed and not_fixed: remove them",
        ),
        (
            source.lines.not_fixed,
            Kind::Guidance,
            "only guidance has fixed and not_fixed: remove them",
        ),
        (
            source.lines.watch,
            Kind::Guidance,
            "only guidance offers to watch the site: remove watch",
        ),
        (
            source.lines.paste,
            Kind::Question,
            "only a question offers to read a paste: remove paste",
        ),
        (
            source.lines.check,
            Kind::Question,
            "only a question runs a check: remove it",
        ),
        (
            source.lines.exhaustive,
            Kind::Question,
            "only a question's answers can cover every case: remove exhaustive",
        ),
        (
            source.lines.ending,
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
            source.lines.kind,
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
                source.answer_lines[i].label,
                format!("two answers are picked by the outcome {outcome:?}; keep one"),
            ));
        }
    }
    match node.kind {
        Kind::Question if node.answers.is_empty() => errors.push(source.error(
            source.lines.kind,
            "this question has no answers: add [[answers]] with a label and a next node",
        )),
        Kind::End if node.ending.is_none() => errors.push(source.error(
            source.lines.kind,
            "an end node says how the walk ended: set ending = \"fixed\", \"not-fixed\", \
             \"escalated\" or \"informed\"",
        )),
        Kind::Guidance if source.lines.not_fixed.is_none() && !source.lists_answers => {
            errors.push(source.error(
                source.lines.kind,
                "guidance ends with \"Did this fix it?\": set not_fixed to the next most likely \
                 cause (or to the step that says what to send to support)",
            ))
        }
        _ => {}
    }
    if let Some(line) = source.lines.retry.filter(|_| node.kind == Kind::End) {
        errors.push(source.error(
            line,
            "an end node ends the walk and offers no retry: remove retry",
        ));
    }
    let listed = node.answers.len();
    if node.kind == Kind::Question
        && listed >= 3
        && source.lines.exhaustive.is_none()
        && !source.answer_lines.iter().any(|lines| lines.way_out)
    {
        errors.push(source.error(
            source.lines.kind,
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
            source.lines.body,
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
        let at = source.lines.body + n;
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
pub(super) fn line_problem(text: &str) -> Option<&'static str> {
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
    for (answer, line) in node
        .answers
        .iter()
        .zip(source.answer_lines.iter().map(|l| l.next))
    {
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
                            (from).name(),
                            (to).name(),
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
                    source.answer_lines[i].next,
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
                source.lines.id,
                "no answer leads to this node: link it from a question or delete the file",
            ));
        }
    }
    errors
}
