//! The tree's compact text form, which the build writes and the app and its worker read: the
//! whole tree (`content/tree.txt`) and, for each node, the part that shows it at once
//! (`content/steps/<id>.txt`, see [`Tree::part_for`]), so that the first screen needs a few
//! hundred bytes of the tree however large it grows.
//!
//! A `V` line first gives the content's version (see [`Tree::version`]). Then one `N` line per node and one `A` line per answer after it, fields separated by tabs (titles
//! and labels are single lines without tabs; the validator makes sure of that), `-` for a
//! check, outcome or parent not given. A node's line also carries what only the whole tree can
//! tell (the questions still ahead of it, the step above it), so that a part reads the same.

use super::{Answer, Check, Ending, Node, START, Tree};
use super::{Audience, Kind};
use std::collections::HashMap;
use std::fmt;

impl Tree {
    /// The whole tree as text.
    pub fn encode(&self) -> String {
        self.encode_nodes(self.nodes.iter().map(|node| node.id.as_str()))
    }

    /// The part of the tree that shows `node` at once, wherever a walk reached it: the nodes of
    /// its shortest walk from the start (where going back leads), the start's answers (where
    /// starting over leads), `node` itself and the nodes its answers lead to.
    pub fn part_for(&self, node: &Node) -> String {
        let mut ids: Vec<&str> = Vec::new();
        let mut above = self.parent(node);
        while let Some(parent) = above {
            ids.push(&parent.id);
            above = self.parent(parent);
        }
        ids.reverse();
        let start = self.start();
        ids.push(&start.id);
        ids.extend(start.answers.iter().map(|answer| answer.next.as_str()));
        ids.push(&node.id);
        ids.extend(node.answers.iter().map(|answer| answer.next.as_str()));
        let mut seen = std::collections::HashSet::new();
        ids.retain(|id| seen.insert(*id));
        self.encode_nodes(ids.into_iter())
    }

    fn encode_nodes<'t>(&'t self, ids: impl Iterator<Item = &'t str>) -> String {
        let mut out = String::new();
        if !self.version.is_empty() {
            out.push_str(&format!("V\t{}\n", self.version));
        }
        for i in ids.filter_map(|id| self.index.get(id).copied()) {
            let node = &self.nodes[i];
            let questions_left = self.questions_left[i].to_string();
            let fields = [
                "N",
                &node.id,
                (node.kind).name(),
                (node.audience).name(),
                &node.file,
                &flags(node),
                node.check.map_or("-", Check::name),
                &questions_left,
                self.parents[i].as_deref().unwrap_or("-"),
                &node.title,
            ];
            out.push_str(&fields.join("\t"));
            out.push('\n');
            for answer in &node.answers {
                let when = if answer.when.is_empty() {
                    "-".to_string()
                } else {
                    answer.when.join(",")
                };
                out.push_str(&["A", &answer.next, &when, &answer.label].join("\t"));
                out.push('\n');
            }
        }
        out
    }

    /// The whole tree as [`Tree::encode`] wrote it, or parts of it (see [`Tree::part_for`]) one
    /// after the other, whose answers may lead to nodes they do not hold and which may give a
    /// node twice (it is read once). [`Tree::is_complete`] tells which it was: parts that hold
    /// the start and every node their answers lead to hold the whole tree, as every node can be
    /// reached from the start.
    pub fn decode(text: &str) -> Result<Tree, DecodeError> {
        let mut nodes: Vec<Node> = Vec::new();
        let mut questions_left = Vec::new();
        let mut parents = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut version = String::new();
        // Whether the answers that follow belong to a node read before, to be skipped.
        let mut repeated = false;
        for (number, line) in text.lines().enumerate() {
            let bad = || DecodeError(format!("line {}: “{line}”", number + 1));
            let fields: Vec<&str> = line.split('\t').collect();
            match fields.as_slice() {
                // Parts one after the other each carry it: the first says it for all.
                ["V", given] => {
                    if version.is_empty() {
                        version = given.to_string();
                    }
                }
                [
                    "N",
                    id,
                    kind,
                    audience,
                    file,
                    flags,
                    check,
                    left,
                    parent,
                    title,
                ] => {
                    repeated = index.contains_key(*id);
                    if repeated {
                        continue;
                    }
                    index.insert(id.to_string(), nodes.len());
                    questions_left.push(left.parse().map_err(|_| bad())?);
                    parents.push((*parent != "-").then(|| parent.to_string()));
                    nodes.push(Node {
                        id: id.to_string(),
                        title: title.to_string(),
                        kind: Kind::parse(kind).ok_or_else(bad)?,
                        audience: Audience::parse(audience).ok_or_else(bad)?,
                        answers: Vec::new(),
                        file: file.to_string(),
                        has_body: flags.contains('b'),
                        watch: flags.contains('w'),
                        paste: flags.contains('p'),
                        retry: flags.contains('r'),
                        untranslated: flags.contains('E'),
                        ending: Ending::ALL.into_iter().find(|e| flags.contains(e.flag())),
                        check: match *check {
                            "-" => None,
                            name => Some(Check::parse(name).ok_or_else(bad)?),
                        },
                    });
                }
                ["A", ..] if repeated => {}
                ["A", next, when, label] => {
                    let node = nodes.last_mut().ok_or_else(bad)?;
                    let when = match (*when, node.check) {
                        ("-", _) => Vec::new(),
                        (outcomes, Some(check)) => outcomes
                            .split(',')
                            .map(|outcome| check.outcome(outcome).ok_or_else(bad))
                            .collect::<Result<_, _>>()?,
                        (_, None) => return Err(bad()),
                    };
                    node.answers.push(Answer {
                        label: label.to_string(),
                        next: next.to_string(),
                        when,
                    });
                }
                _ => return Err(bad()),
            }
        }
        let start = *index
            .get(START)
            .ok_or_else(|| DecodeError("no start node".into()))?;
        let complete = nodes
            .iter()
            .all(|node| node.answers.iter().all(|a| index.contains_key(&a.next)));
        Ok(Tree {
            nodes,
            index,
            start,
            questions_left,
            parents,
            complete,
            version,
        })
    }
}

/// A node's yes/no properties as letters: `b` body, `w` watch, `p` paste, `r` retry, `E` kept
/// in English in a translated tree, and its ending's first letter (`f`, `n`, `e`, `i`).
fn flags(node: &Node) -> String {
    let set = [
        (node.has_body, 'b'),
        (node.watch, 'w'),
        (node.paste, 'p'),
        (node.retry, 'r'),
        (node.untranslated, 'E'),
    ];
    let flags: String = set
        .into_iter()
        .filter_map(|(set, letter)| set.then_some(letter))
        .chain(node.ending.map(Ending::flag))
        .collect();
    if flags.is_empty() { "-".into() } else { flags }
}

/// The tree could not be read back: a part of another build's tree, a stale cache's copy, a
/// server that answers its own page (HTML) where the tree should be, or a build bug.
#[derive(Debug, PartialEq, Eq)]
pub struct DecodeError(pub(super) String);

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the decision tree is corrupt: {}", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::sample;
    use super::*;

    #[test]
    fn encode_then_decode_gives_the_same_tree() {
        let tree = sample();
        let decoded = Tree::decode(&tree.encode()).unwrap();
        assert_eq!(decoded.nodes(), tree.nodes());
        assert!(decoded.is_complete());
        for node in tree.nodes() {
            assert_eq!(decoded.questions_left(node), tree.questions_left(node));
            assert_eq!(
                decoded.parent(node).map(|n| &n.id),
                tree.parent(node).map(|n| &n.id)
            );
        }
    }

    #[test]
    fn the_version_travels_with_the_whole_tree_and_every_part() {
        let mut tree = sample();
        assert_eq!(Tree::decode(&tree.encode()).unwrap().version(), "");
        tree.set_version("0123456789abcdef".into());
        assert_eq!(
            Tree::decode(&tree.encode()).unwrap().version(),
            "0123456789abcdef"
        );
        let b = tree.node("b").unwrap();
        let parts = tree.part_for(b) + &tree.part_for(tree.start());
        assert_eq!(Tree::decode(&parts).unwrap().version(), "0123456789abcdef");
    }

    #[test]
    fn a_part_holds_what_shows_its_step_and_reads_as_the_whole_tree_does() {
        let tree = sample();
        let b = tree.node("b").unwrap();
        let part = Tree::decode(&tree.part_for(b)).unwrap();
        let ids: Vec<&str> = part.nodes().iter().map(|n| n.id.as_str()).collect();
        assert_eq!(
            ids,
            [START, "a", "fix", "b"],
            "the way from the start, its answers, b's"
        );
        assert!(!part.is_complete());
        assert!(part.has_answers_of(part.node("b").unwrap()));
        assert!(
            !part.has_answers_of(part.node("fix").unwrap()),
            "fix's answers are not in b's part"
        );
        let (b, a) = (part.node("b").unwrap(), part.node("a").unwrap());
        assert_eq!(
            part.questions_left(b),
            tree.questions_left(tree.node("b").unwrap())
        );
        assert_eq!(part.parent(b).map(|n| n.id.as_str()), Some("a"));
        assert_eq!(part.parent(a).map(|n| n.id.as_str()), Some(START));
    }

    #[test]
    fn parts_read_together_keep_each_node_once() {
        let tree = sample();
        let both = tree.part_for(tree.node("c").unwrap()) + &tree.part_for(tree.node("b").unwrap());
        let part = Tree::decode(&both).unwrap();
        let count = |id: &str| part.nodes().iter().filter(|n| n.id == id).count();
        assert_eq!((count(START), count("fix"), count("c")), (1, 1, 1));
        assert_eq!(
            part.node("fix").unwrap().answers.len(),
            2,
            "answers read once"
        );
        let twice = Tree::decode(&(tree.encode() + &tree.encode())).unwrap();
        assert!(twice.is_complete());
        assert_eq!(twice.nodes(), tree.nodes());
    }

    #[test]
    fn checks_and_their_outcomes_survive_encoding() {
        let mut nodes = sample().nodes().to_vec();
        nodes[0].check = Some(Check::Online);
        nodes[0].answers[1].when = vec!["offline"];
        nodes[3].watch = true;
        nodes[1].paste = true;
        nodes[2].retry = true;
        let tree = Tree::new(nodes).unwrap();
        let decoded = Tree::decode(&tree.encode()).unwrap();
        assert_eq!(decoded.start().check, Some(Check::Online));
        assert_eq!(decoded.start().answer_for("offline").unwrap().next, "fix");
        assert!(decoded.start().answer_for("online").is_none());
        assert!(decoded.node("fix").unwrap().watch);
        assert!(decoded.node("a").unwrap().paste);
        assert!(decoded.node("b").unwrap().retry);
        assert_eq!(decoded.nodes(), tree.nodes());
    }

    #[test]
    fn decode_rejects_garbage_instead_of_panicking() {
        assert!(Tree::decode("N\tstart\tquestion").is_err());
        assert!(Tree::decode("A\tx\t-\tlabel").is_err());
        assert!(Tree::decode("N\tx\tguidance\tvisitor\tx.md\tb\t-\t0\t-\tNo start").is_err());
        let start = "N\tstart\tquestion\teveryone\ts.md\t-";
        let dangling = Tree::decode(&format!("{start}\t-\t1\t-\tS\nA\tnowhere\t-\tGo"));
        assert!(
            !dangling.unwrap().is_complete(),
            "an answer that leads out: a part"
        );
        assert!(Tree::decode(&format!("{start}\tping\t1\t-\tS\nA\tstart\t-\tGo")).is_err());
        assert!(Tree::decode(&format!("{start}\t-\t1\t-\tS\nA\tstart\toffline\tGo")).is_err());
        assert!(Tree::decode(&format!("{start}\tonline\t1\t-\tS\nA\tstart\tmaybe\tGo")).is_err());
        assert!(Tree::decode(&format!("{start}\t-\tmany\t-\tS")).is_err());
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn the_real_tree_reads_back_as_it_was_written() {
        let tree = super::super::fixture::real();
        let decoded = Tree::decode(&tree.encode()).unwrap();
        assert_eq!(decoded.nodes(), tree.nodes());
        assert_eq!(decoded.start().id, START);
        assert!(decoded.is_complete());
    }
}
