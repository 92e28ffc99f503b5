//! A reader's walk through the decision tree: the answers given so far, the node they lead to,
//! going back, starting over, and changing an earlier answer while keeping the later ones that
//! still apply (as GOV.UK Smart Answers do).
//!
//! A walk lives in the URL, so that any step can be bookmarked, shared and resumed: `a` lists
//! the ids of the nodes the answers led to, joined by `.` (`?a=visitor-scope.visitor-refresh`),
//! and `change` names a question being re-answered. Ids are stable across content edits where
//! positions would not be. Reading a URL never fails: a walk that stops making sense is cut at
//! its last valid step and the reason is reported as a [`Problem`].

use crate::content::{Answer, Node, Tree};
use crate::query;
use std::collections::HashMap;
use std::fmt;

/// The query parameter holding the answers.
pub const ANSWERS_PARAM: &str = "a";
/// The query parameter naming the question being changed.
pub const CHANGE_PARAM: &str = "change";
/// The query parameter naming a step to open, for links from help desks and error pages; it
/// gives way to `a` and is replaced by it.
pub const STEP_PARAM: &str = "step";
/// The query parameter naming the reader (`visitor` or `owner`), which opens their branch when
/// the URL names no step; it too is replaced by `a`.
pub const AUDIENCE_PARAM: &str = "audience";
/// How much of a URL's text a message quotes back.
const QUOTE_LIMIT: usize = 60;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Walk {
    /// The id of the node each answer led to, in order, starting after the start node.
    path: Vec<String>,
    /// A question on the path whose answer the reader is changing.
    changing: Option<String>,
}

/// Why a URL's walk was cut short.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    UnknownNode { given: String },
    NotAnAnswer { question: String, given: String },
    PastTheEnd { end: String },
    CannotChange { given: String },
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownNode { given } => {
                write!(
                    f,
                    "This link asks for a step called “{}”, which this guide does not have.",
                    quote(given)
                )
            }
            Problem::NotAnAnswer { question, given } => write!(
                f,
                "This link gives “{}” as the answer to “{question}”, but that is not one of its answers.",
                quote(given)
            ),
            Problem::PastTheEnd { end } => {
                write!(f, "This link goes on past “{end}”, where the walk ends.")
            }
            Problem::CannotChange { given } => write!(
                f,
                "This link asks to change the answer to “{}”, which was not answered on this walk.",
                quote(given)
            ),
        }
    }
}

fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

impl Walk {
    /// The nodes passed through: the start, then the node each answer led to.
    fn trail<'t>(&self, tree: &'t Tree) -> Vec<&'t Node> {
        std::iter::once(tree.start())
            .chain(self.path.iter().filter_map(|id| tree.node(id)))
            .collect()
    }

    /// The node on screen: the question being changed, or else where the answers lead.
    pub fn shown<'t>(&self, tree: &'t Tree) -> &'t Node {
        self.changing
            .as_deref()
            .and_then(|id| tree.node(id))
            .or_else(|| self.path.last().and_then(|id| tree.node(id)))
            .unwrap_or_else(|| tree.start())
    }

    /// Each question answered so far, with the answer given.
    pub fn answered<'t>(&self, tree: &'t Tree) -> Vec<(&'t Node, &'t Answer)> {
        self.trail(tree)
            .into_iter()
            .zip(&self.path)
            .filter_map(|(question, next)| question.answer(next).map(|answer| (question, answer)))
            .collect()
    }

    /// The question whose answer is being changed, if any.
    pub fn changing(&self) -> Option<&str> {
        self.changing.as_deref()
    }

    /// The answer (its `next`) given to `question` on this walk.
    pub fn chosen<'t>(&self, tree: &'t Tree, question: &str) -> Option<&'t Answer> {
        self.answered(tree)
            .into_iter()
            .find(|(q, _)| q.id == question)
            .map(|(_, a)| a)
    }

    /// Answers the question on screen with the answer leading to `next`. When an earlier answer
    /// is being changed, the answers after it are kept for as long as they still apply.
    pub fn choose(&self, tree: &Tree, next: &str) -> Option<Walk> {
        let question = self.shown(tree);
        question.answer(next)?;
        let trail = self.trail(tree);
        let at = trail.iter().position(|node| node.id == question.id)?;
        let mut earlier: HashMap<&str, &str> = trail
            .iter()
            .zip(&self.path)
            .map(|(q, next)| (q.id.as_str(), next.as_str()))
            .collect();
        let mut path: Vec<String> = self.path[..at].to_vec();
        path.push(next.to_string());
        let mut node = tree.node(next)?;
        // Each earlier answer is used at most once, so this ends even on a tree with a loop.
        while let Some(kept) = earlier.remove(node.id.as_str()) {
            if node.answer(kept).is_none() {
                break;
            }
            path.push(kept.to_string());
            node = tree.node(kept)?;
        }
        Some(Walk {
            path,
            changing: None,
        })
    }

    /// One step back: cancels a change in progress, or else forgets the last answer.
    pub fn back(&self) -> Walk {
        if self.changing.is_some() {
            return Walk {
                path: self.path.clone(),
                changing: None,
            };
        }
        Walk {
            path: self.path[..self.path.len().saturating_sub(1)].to_vec(),
            changing: None,
        }
    }

    /// Re-opens an answered `question` on this walk so its answer can be changed.
    pub fn change(&self, tree: &Tree, question: &str) -> Option<Walk> {
        self.chosen(tree, question)?;
        Some(Walk {
            path: self.path.clone(),
            changing: Some(question.to_string()),
        })
    }

    /// How many questions have been answered.
    pub fn answer_count(&self) -> usize {
        self.path.len()
    }

    pub fn is_at_start(&self) -> bool {
        self.path.is_empty() && self.changing.is_none()
    }

    /// Reads the walk from a URL query string (other parameters are ignored). Whatever the URL
    /// says, the result is a valid walk: the furthest step it got right, and why it stopped.
    pub fn from_query(tree: &Tree, query: &str) -> (Walk, Option<Problem>) {
        if query::get(query, ANSWERS_PARAM).is_none() && query::get(query, CHANGE_PARAM).is_none() {
            return Walk::entry(tree, query);
        }
        let given = query::get(query, ANSWERS_PARAM).unwrap_or_default();
        let mut walk = Walk::default();
        let mut node = tree.start();
        for id in given.split('.').filter(|id| !id.is_empty()) {
            let problem = if node.answers.is_empty() {
                Some(Problem::PastTheEnd {
                    end: node.title.clone(),
                })
            } else if tree.node(id).is_none() {
                Some(Problem::UnknownNode {
                    given: id.to_string(),
                })
            } else if node.answer(id).is_none() {
                Some(Problem::NotAnAnswer {
                    question: node.title.clone(),
                    given: id.to_string(),
                })
            } else {
                None
            };
            if problem.is_some() {
                return (walk, problem);
            }
            walk.path.push(id.to_string());
            node = tree.node(id).unwrap_or(node);
        }
        match query::get(query, CHANGE_PARAM) {
            None => (walk, None),
            Some(question) => match walk.change(tree, &question) {
                Some(changing) => (changing, None),
                None => (walk, Some(Problem::CannotChange { given: question })),
            },
        }
    }

    /// Where a URL without answers begins: at its `step` (by the shortest walk there), at the
    /// branch for its `audience`, or at the start.
    fn entry(tree: &Tree, query: &str) -> (Walk, Option<Problem>) {
        if let Some(step) = query::get(query, STEP_PARAM) {
            return match Walk::shortest_to_each(tree).remove(step.as_str()) {
                Some(walk) => (walk, None),
                None => (Walk::default(), Some(Problem::UnknownNode { given: step })),
            };
        }
        let audience = query::get(query, AUDIENCE_PARAM)
            .and_then(|given| crate::context::audience(&given).ok());
        let branch = tree
            .start()
            .answers
            .iter()
            .filter_map(|answer| tree.node(&answer.next))
            .find(|node| Some(node.audience) == audience);
        let walk = Walk {
            path: branch.map(|node| node.id.clone()).into_iter().collect(),
            changing: None,
        };
        (walk, None)
    }

    /// The shortest walk to every node the start reaches, keyed by node id (for linking to any
    /// step, as the map of the tree does).
    pub fn shortest_to_each(tree: &Tree) -> HashMap<&str, Walk> {
        let mut walks = HashMap::from([(tree.start().id.as_str(), Walk::default())]);
        let mut queue = std::collections::VecDeque::from([tree.start()]);
        while let Some(node) = queue.pop_front() {
            for next in node.answers.iter().filter_map(|a| tree.node(&a.next)) {
                if !walks.contains_key(next.id.as_str()) {
                    let mut walk = walks[node.id.as_str()].clone();
                    walk.path.push(next.id.clone());
                    walks.insert(next.id.as_str(), walk);
                    queue.push_back(next);
                }
            }
        }
        walks
    }

    /// `query` with this walk written into it, in place of any `step` or `audience` it began
    /// from; parameters that are not the walk's are kept.
    pub fn to_query(&self, query: &str) -> String {
        let answers = (!self.path.is_empty()).then(|| self.path.join("."));
        let query = query::set(query, STEP_PARAM, None);
        let query = query::set(&query, AUDIENCE_PARAM, None);
        let query = query::set(&query, ANSWERS_PARAM, answers.as_deref());
        query::set(&query, CHANGE_PARAM, self.changing.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fixture::node;
    use crate::content::{Audience, Kind::End, Kind::Guidance, Kind::Question, START};

    /// start → scope → only-here → refresh → fixed | still-broken → fixed | escalate
    ///               → everywhere → offline | refresh
    ///               → refresh
    fn tree() -> Tree {
        Tree::new(vec![
            node(START, Question, &["scope"]),
            node("scope", Question, &["only-here", "everywhere", "refresh"]),
            node("only-here", Question, &["refresh"]),
            node("everywhere", Question, &["offline", "refresh"]),
            node("refresh", Question, &["fixed", "still-broken"]),
            node("fixed", End, &[]),
            node("still-broken", Guidance, &["fixed", "escalate"]),
            node("offline", End, &[]),
            node("escalate", End, &[]),
        ])
        .unwrap()
    }

    fn walk(tree: &Tree, answers: &[&str]) -> Walk {
        answers.iter().fold(Walk::default(), |walk, next| {
            walk.choose(tree, next).unwrap()
        })
    }

    fn answers(tree: &Tree, walk: &Walk) -> Vec<String> {
        walk.answered(tree)
            .iter()
            .map(|(q, a)| format!("{}={}", q.id, a.next))
            .collect()
    }

    #[test]
    fn a_new_walk_shows_the_start_question() {
        let tree = tree();
        let walk = Walk::default();
        assert_eq!(walk.shown(&tree).id, START);
        assert!(walk.is_at_start());
        assert!(walk.answered(&tree).is_empty());
    }

    #[test]
    fn answering_moves_to_the_node_the_answer_leads_to() {
        let tree = tree();
        let walk = walk(&tree, &["scope", "only-here", "refresh", "still-broken"]);
        assert_eq!(walk.shown(&tree).id, "still-broken");
        assert_eq!(walk.answer_count(), 4);
        assert_eq!(
            answers(&tree, &walk),
            [
                "start=scope",
                "scope=only-here",
                "only-here=refresh",
                "refresh=still-broken"
            ]
        );
    }

    #[test]
    fn an_answer_the_question_does_not_offer_is_refused() {
        let tree = tree();
        assert_eq!(Walk::default().choose(&tree, "fixed"), None);
        assert_eq!(Walk::default().choose(&tree, "no-such-node"), None);
        let end = walk(&tree, &["scope", "everywhere", "offline"]);
        assert_eq!(
            end.choose(&tree, "refresh"),
            None,
            "guidance has no answers"
        );
    }

    #[test]
    fn back_forgets_the_last_answer_and_stops_at_the_start() {
        let tree = tree();
        let walk = walk(&tree, &["scope", "only-here"]);
        assert_eq!(walk.back().shown(&tree).id, "scope");
        assert_eq!(walk.back().back().back().back(), Walk::default());
    }

    #[test]
    fn changing_an_answer_keeps_later_answers_that_still_apply() {
        let tree = tree();
        let before = walk(&tree, &["scope", "only-here", "refresh", "still-broken"]);
        let changing = before.change(&tree, "scope").unwrap();
        assert_eq!(changing.shown(&tree).id, "scope");
        assert_eq!(changing.chosen(&tree, "scope").unwrap().next, "only-here");
        // The new answer leads straight to "refresh", which was answered before: that answer stays.
        let after = changing.choose(&tree, "refresh").unwrap();
        assert_eq!(after.shown(&tree).id, "still-broken");
        assert_eq!(
            answers(&tree, &after),
            ["start=scope", "scope=refresh", "refresh=still-broken"]
        );
    }

    #[test]
    fn changing_an_answer_stops_where_the_later_answers_no_longer_apply() {
        let tree = tree();
        let before = walk(&tree, &["scope", "only-here", "refresh", "fixed"]);
        let after = before
            .change(&tree, "scope")
            .unwrap()
            .choose(&tree, "everywhere")
            .unwrap();
        assert_eq!(
            after.shown(&tree).id,
            "everywhere",
            "a new question is asked"
        );
        assert_eq!(answers(&tree, &after), ["start=scope", "scope=everywhere"]);
    }

    #[test]
    fn back_while_changing_returns_to_where_the_walk_was() {
        let tree = tree();
        let before = walk(&tree, &["scope", "only-here"]);
        assert_eq!(before.change(&tree, "scope").unwrap().back(), before);
    }

    #[test]
    fn only_answered_questions_can_be_changed() {
        let tree = tree();
        let walk = walk(&tree, &["scope"]);
        assert!(
            walk.change(&tree, "scope").is_none(),
            "scope is shown but not answered yet"
        );
        assert!(walk.change(&tree, "refresh").is_none());
        assert!(walk.change(&tree, START).is_some());
    }

    #[test]
    fn the_walk_round_trips_through_the_query_string() {
        let tree = tree();
        let original = walk(&tree, &["scope", "everywhere", "refresh"]);
        let query = original.to_query("");
        assert_eq!(query, "a=scope.everywhere.refresh");
        assert_eq!(Walk::from_query(&tree, &query), (original.clone(), None));

        let changing = original.change(&tree, "everywhere").unwrap();
        let query = changing.to_query("?url=https%3A%2F%2Fshop.example&a=old");
        assert_eq!(
            query,
            "url=https%3A%2F%2Fshop.example&a=scope.everywhere.refresh&change=everywhere"
        );
        assert_eq!(Walk::from_query(&tree, &query), (changing, None));
        assert_eq!(
            Walk::default().to_query("?url=x&a=scope&change=start"),
            "url=x"
        );
    }

    #[test]
    fn a_url_with_an_unknown_node_stops_at_the_last_valid_step() {
        let tree = tree();
        let (walk, problem) = Walk::from_query(&tree, "?a=scope.nowhere.refresh");
        assert_eq!(walk.shown(&tree).id, "scope");
        assert_eq!(
            problem,
            Some(Problem::UnknownNode {
                given: "nowhere".into()
            })
        );
        assert!(problem.unwrap().to_string().contains("“nowhere”"));
    }

    #[test]
    fn a_url_with_an_impossible_answer_stops_at_the_question() {
        let tree = tree();
        let (walk, problem) = Walk::from_query(&tree, "a=scope.offline");
        assert_eq!(walk.shown(&tree).id, "scope");
        assert_eq!(
            problem,
            Some(Problem::NotAnAnswer {
                question: "Title of scope".into(),
                given: "offline".into()
            })
        );
    }

    #[test]
    fn a_url_that_goes_past_the_end_stops_at_the_end() {
        let tree = tree();
        let (walk, problem) = Walk::from_query(&tree, "a=scope.everywhere.offline.refresh");
        assert_eq!(walk.shown(&tree).id, "offline");
        assert_eq!(
            problem,
            Some(Problem::PastTheEnd {
                end: "Title of offline".into()
            })
        );
    }

    #[test]
    fn hostile_urls_never_panic_and_are_quoted_briefly() {
        let tree = tree();
        let long = "x".repeat(10_000);
        for query in [
            "a=%ff%fe",
            "a=....",
            "a=%",
            "change=scope",
            &format!("a={long}"),
            "a=scope&change=nowhere",
        ] {
            let (walk, _) = Walk::from_query(&tree, query);
            assert!(walk.answer_count() <= 1, "{query}");
        }
        let (_, problem) = Walk::from_query(&tree, &format!("a={long}"));
        assert!(problem.unwrap().to_string().chars().count() < 150);
        let (_, problem) = Walk::from_query(&tree, "a=scope&change=nowhere");
        assert_eq!(
            problem,
            Some(Problem::CannotChange {
                given: "nowhere".into()
            })
        );
        let (_, problem) = Walk::from_query(&tree, &format!("a={}", ["scope"; 70].join(".")));
        assert_eq!(
            problem,
            Some(Problem::NotAnAnswer {
                question: "Title of scope".into(),
                given: "scope".into()
            })
        );
    }

    #[test]
    fn every_node_has_a_shortest_walk() {
        let tree = tree();
        let walks = Walk::shortest_to_each(&tree);
        assert_eq!(walks.len(), tree.nodes().len());
        assert_eq!(walks["refresh"].to_query(""), "a=scope.refresh");
        assert_eq!(
            walks["escalate"].to_query(""),
            "a=scope.refresh.still-broken.escalate"
        );
        assert_eq!(walks["escalate"].shown(&tree).id, "escalate");
    }

    #[test]
    fn an_empty_or_foreign_query_is_the_start() {
        let tree = tree();
        for query in ["", "?", "?url=https://example.com&rid=abc", "a="] {
            assert_eq!(
                Walk::from_query(&tree, query),
                (Walk::default(), None),
                "{query}"
            );
        }
    }

    #[test]
    fn a_step_opens_by_the_shortest_walk_and_gives_way_to_answers() {
        let tree = tree();
        let (walk, problem) = Walk::from_query(&tree, "?rid=abc&step=still-broken");
        assert_eq!(problem, None);
        assert_eq!(walk.shown(&tree).id, "still-broken");
        assert_eq!(answers(&tree, &walk).len(), 3);
        assert_eq!(
            walk.to_query("?rid=abc&step=still-broken"),
            "rid=abc&a=scope.refresh.still-broken"
        );
        let (walk, _) = Walk::from_query(&tree, "?step=still-broken&a=scope");
        assert_eq!(walk.shown(&tree).id, "scope");
    }

    #[test]
    fn an_unknown_step_opens_the_start_and_says_so() {
        let tree = tree();
        let (walk, problem) = Walk::from_query(&tree, "?step=%3Cscript%3E");
        assert!(walk.is_at_start());
        assert_eq!(
            problem,
            Some(Problem::UnknownNode {
                given: "<script>".into()
            })
        );
    }

    #[test]
    fn an_audience_opens_its_branch_and_an_unknown_one_the_start() {
        let tree = Tree::new(vec![
            node(START, Question, &["for-all", "for-visitors", "for-owners"]),
            Node {
                audience: Audience::Everyone,
                ..node("for-all", End, &[])
            },
            node("for-visitors", End, &[]),
            Node {
                audience: Audience::Owner,
                ..node("for-owners", End, &[])
            },
        ])
        .unwrap();
        let (walk, problem) = Walk::from_query(&tree, "?audience=owner");
        assert_eq!(
            (walk.shown(&tree).id.as_str(), problem),
            ("for-owners", None)
        );
        assert_eq!(
            walk.to_query("?audience=owner&via=nginx"),
            "via=nginx&a=for-owners"
        );
        for unknown in ["admin", "everyone"] {
            let (walk, problem) = Walk::from_query(&tree, &format!("?audience={unknown}"));
            assert!(walk.is_at_start() && problem.is_none(), "{unknown}");
        }
    }
}
