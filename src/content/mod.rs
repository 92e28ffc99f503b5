//! The decision tree as the app sees it: nodes, their answers, and the compact text form in which
//! the build embeds the validated tree into the wasm.
//!
//! Guidance bodies are deliberately not part of this model: they are rendered to HTML at build
//! time (see `src/bin/fix502-content.rs`) and fetched one node at a time, so the bytes needed
//! for the first screen grow neither with them nor with a Markdown renderer. Reading and
//! validating the authored files is [`load`]'s job, run by the build script.

mod encoded;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;

pub use encoded::DecodeError;

use crate::checks::Check;
use std::collections::HashMap;

/// The id of the node every walk begins at: the question of who is reading.
pub const START: &str = "start";

/// What a node does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Asks something; each answer leads on.
    Question,
    /// Says what to do, then asks "Did this fix it?": yes ends the walk, no leads to the next
    /// most likely cause.
    Guidance,
    /// Ends the walk: fixed, handed to support, or simply informed.
    End,
}

/// How a walk that reaches an end node ended, for the report and for the page that embeds the
/// guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ending {
    /// The reader's problem went away.
    Fixed,
    /// Nothing the reader can do fixes it: the site has to (a visitor's last stop).
    NotFixed,
    /// Handed over to a host or to support, with what they need.
    Escalated,
    /// The reader came to learn, not to fix anything.
    Informed,
}

named!(Ending {
    Fixed => "fixed",
    NotFixed => "not-fixed",
    Escalated => "escalated",
    Informed => "informed",
});

impl Ending {
    /// The letter that stands for it among a node's flags in the encoded tree (besides `b`,
    /// `w` and `p`).
    fn flag(self) -> char {
        match self {
            Ending::Fixed => 'f',
            Ending::NotFixed => 'n',
            Ending::Escalated => 'e',
            Ending::Informed => 'i',
        }
    }
}

/// The placeholders a body may use (`{{site.host}}`…), each with what stands in for it when the
/// guide does not know the value (see [`crate::personal`], which fills them). Their names
/// begin with one of [`PLACEHOLDER_SPACES`], so they never clash with the `{{ … }}` of Go or
/// Caddy templates in a command.
pub const PLACEHOLDERS: [(&str, &str); 4] = [
    ("site.host", "example.com"),
    ("site.url", "https://example.com/"),
    ("site.origin", "https://example.com"),
    ("request.id", "REQUEST-ID"),
];

/// The first part of every placeholder's name.
pub const PLACEHOLDER_SPACES: [&str; 2] = ["site.", "request."];

/// The most answers a reader may need to give before the first guidance.
pub const MAX_ANSWERS_TO_FIRST_FIX: usize = 8;

/// The two answers every guidance node ends with, in this order.
pub const FIXED_LABEL: &str = crate::i18n::Msg::Fixed.english();
pub const NOT_FIXED_LABEL: &str = crate::i18n::Msg::NotFixed.english();

/// Whose tree a node belongs to. `Everyone` nodes (the start, shared pages) may be reached from
/// both trees; a visitor node never leads into the owner's tree or the other way round.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Everyone,
    Visitor,
    Owner,
}

/// One choice offered by a question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub label: String,
    /// The id of the node this answer leads to; it also identifies the answer in URLs.
    pub next: String,
    /// The outcomes of the question's check that pick this answer.
    pub when: Vec<&'static str>,
}

/// One step of a decision tree, without its Markdown body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    pub id: String,
    pub title: String,
    pub kind: Kind,
    pub audience: Audience,
    pub answers: Vec<Answer>,
    /// Where the node's file lives, relative to `content/`; the app fetches the body from there.
    pub file: String,
    pub has_body: bool,
    /// A live check that runs when this question is shown and may answer it.
    pub check: Option<Check>,
    /// Guidance that offers to watch the site and say when it is back.
    pub watch: bool,
    /// A question that offers to read a pasted error page, headers or log line.
    pub paste: bool,
    /// A step that tells a visitor to try the site again, with a link that opens it.
    pub retry: bool,
    /// How the walk ended, on end nodes (and only there).
    pub ending: Option<Ending>,
    /// In a tree translated into another language, a node kept in English, as it has no
    /// translation (yet).
    pub untranslated: bool,
}

impl Node {
    pub fn answer(&self, next: &str) -> Option<&Answer> {
        self.answers.iter().find(|answer| answer.next == next)
    }

    /// The answer that a check's `outcome` picks, if the author mapped it to one.
    pub fn answer_for(&self, outcome: &str) -> Option<&Answer> {
        self.answers
            .iter()
            .find(|answer| answer.when.contains(&outcome))
    }
}

/// A validated decision tree: every answer leads to a node, there is a start, and no loops. Or
/// a part of one (see [`Tree::part_for`]), whose answers may lead to nodes it does not hold.
#[derive(Clone, Debug)]
pub struct Tree {
    nodes: Vec<Node>,
    index: HashMap<String, usize>,
    start: usize,
    /// Per node: the most questions still to answer before reaching guidance, this one included.
    questions_left: Vec<usize>,
    /// Per node: the node before it on a shortest walk from the start (none for the start).
    parents: Vec<Option<String>>,
    /// Whether it holds every node its answers lead to.
    complete: bool,
    /// The content's version: a hash of every node, body and signature, which the build writes
    /// into the tree it serves (`fix502-content`), so that the app and its worker ask for this
    /// content's bodies and signatures and never a stale cache's. Empty before the build sets it.
    version: String,
}

impl Tree {
    /// Builds the tree from nodes that passed [`load::validate`] (or were encoded from such a tree).
    pub fn new(nodes: Vec<Node>) -> Result<Tree, DecodeError> {
        let index: HashMap<String, usize> = nodes
            .iter()
            .enumerate()
            .map(|(i, node)| (node.id.clone(), i))
            .collect();
        let start = *index
            .get(START)
            .ok_or_else(|| DecodeError("no start node".into()))?;
        for node in &nodes {
            if let Some(answer) = node.answers.iter().find(|a| !index.contains_key(&a.next)) {
                return Err(DecodeError(format!(
                    "{} leads to unknown node {}",
                    node.id, answer.next
                )));
            }
        }
        let questions_left = questions_left(&nodes, &index);
        let parents = parents(&nodes, &index, start)
            .into_iter()
            .map(|parent| parent.map(|p| nodes[p].id.clone()))
            .collect();
        Ok(Tree {
            nodes,
            index,
            start,
            questions_left,
            parents,
            complete: true,
            version: String::new(),
        })
    }

    /// The content's version, as the build wrote it into the tree; empty if it did not.
    pub fn version(&self) -> &str {
        &self.version
    }

    /// Stamps the tree with the content's version, which its encoded forms then carry.
    pub fn set_version(&mut self, version: String) {
        self.version = version;
    }

    /// Whether every answer leads to a node this tree holds: the whole tree, not a part.
    pub fn is_complete(&self) -> bool {
        self.complete
    }

    /// Whether every answer of `node` leads to a node this tree holds, so that it can be shown.
    pub fn has_answers_of(&self, node: &Node) -> bool {
        node.answers
            .iter()
            .all(|answer| self.index.contains_key(&answer.next))
    }

    pub fn start(&self) -> &Node {
        &self.nodes[self.start]
    }

    pub fn node(&self, id: &str) -> Option<&Node> {
        self.index.get(id).map(|&i| &self.nodes[i])
    }

    pub fn nodes(&self) -> &[Node] {
        &self.nodes
    }

    /// The most questions a reader may still be asked from `node` before the first guidance,
    /// `node` itself included.
    pub fn questions_left(&self, node: &Node) -> usize {
        self.index
            .get(&node.id)
            .map_or(0, |&i| self.questions_left[i])
    }

    /// The step above `node`: the one before it on a shortest walk from the start, which is
    /// where going back from a walk that began at `node` leads.
    pub fn parent(&self, node: &Node) -> Option<&Node> {
        let i = *self.index.get(&node.id)?;
        self.node(self.parents[i].as_deref()?)
    }
}

/// Where a node's rendered body is published, relative to the app's `content/` folder.
pub fn body_path(node: &Node) -> String {
    format!(
        "{}.html",
        node.file.strip_suffix(".md").unwrap_or(&node.file)
    )
}

named!(Kind {
    Question => "question",
    Guidance => "guidance",
    End => "end",
});

named!(Audience {
    Everyone => "everyone",
    Visitor => "visitor",
    Owner => "owner",
});

/// The first node found before each node, breadth first from the start.
fn parents(nodes: &[Node], index: &HashMap<String, usize>, start: usize) -> Vec<Option<usize>> {
    let mut parents = vec![None; nodes.len()];
    let mut seen = vec![false; nodes.len()];
    seen[start] = true;
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(i) = queue.pop_front() {
        for &next in nodes[i].answers.iter().filter_map(|a| index.get(&a.next)) {
            if !seen[next] {
                seen[next] = true;
                parents[next] = Some(i);
                queue.push_back(next);
            }
        }
    }
    parents
}

/// Longest run of questions from each node to the first guidance or end. Nodes on a loop
/// (which validation rejects) count as the end of the run rather than recursing forever.
fn questions_left(nodes: &[Node], index: &HashMap<String, usize>) -> Vec<usize> {
    fn visit(
        i: usize,
        nodes: &[Node],
        index: &HashMap<String, usize>,
        memo: &mut [Option<usize>],
        on_stack: &mut [bool],
    ) -> usize {
        if let Some(known) = memo[i] {
            return known;
        }
        if on_stack[i] {
            return 0;
        }
        let node = &nodes[i];
        if node.kind != Kind::Question {
            return 0;
        }
        on_stack[i] = true;
        let deepest = node
            .answers
            .iter()
            .filter_map(|answer| index.get(&answer.next))
            .map(|&next| visit(next, nodes, index, memo, on_stack))
            .max()
            .unwrap_or(0);
        on_stack[i] = false;
        let left = deepest + 1;
        memo[i] = Some(left);
        left
    }
    let mut memo = vec![None; nodes.len()];
    let mut on_stack = vec![false; nodes.len()];
    (0..nodes.len())
        .map(|i| visit(i, nodes, index, &mut memo, &mut on_stack))
        .collect()
}

/// Small hand-built trees for the tests of this crate's modules.
#[cfg(test)]
pub(crate) mod fixture {
    use super::*;

    /// A node whose title, labels and file are derived from its id; `start` is for everyone,
    /// every other node for visitors.
    pub fn node(id: &str, kind: Kind, answers: &[&str]) -> Node {
        Node {
            id: id.into(),
            title: format!("Title of {id}"),
            kind,
            audience: if id == START {
                Audience::Everyone
            } else {
                Audience::Visitor
            },
            answers: answers
                .iter()
                .map(|next| Answer {
                    label: format!("Go to {next}"),
                    next: next.to_string(),
                    when: Vec::new(),
                })
                .collect(),
            file: format!("{id}.md"),
            has_body: kind != Kind::Question,
            check: None,
            watch: false,
            paste: false,
            retry: false,
            ending: (kind == Kind::End).then_some(Ending::Informed),
            untranslated: false,
        }
    }

    /// The tree of the repository's `content/`, as the build serves it, loaded once per test
    /// binary. Content errors fail here with every `file:line`, like the build.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn real() -> &'static Tree {
        static REAL: std::sync::OnceLock<Tree> = std::sync::OnceLock::new();
        REAL.get_or_init(|| {
            let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
            match load::load_dir(&root) {
                Ok((tree, _)) => tree,
                Err(errors) => panic!("content/ does not validate:\n{}", lines(&errors)),
            }
        })
    }

    #[cfg(not(target_arch = "wasm32"))]
    fn lines(errors: &[load::ContentError]) -> String {
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// start → a → b → fix, start → fix; fix → end or c → end.
    pub fn sample() -> Tree {
        Tree::new(vec![
            node(START, Kind::Question, &["a", "fix"]),
            node("a", Kind::Question, &["b", "fix"]),
            node("b", Kind::Question, &["fix"]),
            node("fix", Kind::Guidance, &["end", "c"]),
            node("c", Kind::Question, &["end"]),
            node("end", Kind::End, &[]),
        ])
        .unwrap()
    }
}

#[cfg(test)]
mod tests {
    use super::fixture::{node, sample};
    use super::*;

    #[test]
    fn questions_left_counts_the_longest_run_to_guidance() {
        let tree = sample();
        let left = |id| tree.questions_left(tree.node(id).unwrap());
        assert_eq!(left(START), 3);
        assert_eq!(left("a"), 2);
        assert_eq!(left("b"), 1);
        assert_eq!(left("fix"), 0, "counting stops at the first guidance");
        assert_eq!(left("c"), 1);
        assert_eq!(left("end"), 0);
    }

    #[test]
    fn each_node_knows_the_step_above_it_on_a_shortest_walk() {
        let tree = sample();
        let parent = |id| tree.parent(tree.node(id).unwrap()).map(|n| n.id.as_str());
        assert_eq!(parent(START), None);
        assert_eq!(parent("a"), Some(START));
        assert_eq!(parent("fix"), Some(START), "the shorter way in wins");
        assert_eq!(parent("end"), Some("fix"));
        assert_eq!(parent("c"), Some("fix"));
    }

    #[test]
    fn questions_left_survives_a_loop() {
        let tree = Tree::new(vec![
            node(START, Kind::Question, &["a"]),
            node("a", Kind::Question, &[START]),
        ])
        .unwrap();
        assert_eq!(tree.questions_left(tree.start()), 2);
    }
}
