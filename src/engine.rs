//! A reader's walk through the decision tree: where it began, the answers given since, the node
//! they lead to, going back, starting over, and changing an earlier answer while keeping the
//! later ones that still apply (as GOV.UK Smart Answers do).
//!
//! A walk may begin at any step: a help desk's link, the map of every step or a paste opens that
//! step itself, and the walk holds only the answers the reader gave from there, never a path
//! they did not take. It lives in the URL (see [`crate::url_contract`]), so that any step can be
//! bookmarked, shared and resumed: `from` and `by` say where and how it began, `a` lists the ids
//! of the nodes the answers led to (`?a=visitor-other-sites.visitor-reload`), `change` names a
//! question being re-answered. Ids are stable across content edits where positions would not
//! be. Reading a URL never fails: a walk that stops making sense is cut at its last valid step
//! and the reason is reported as a [`Problem`].

use crate::content::{Answer, Kind, Node, START, Tree};
use crate::i18n::{Msg, Said};
use crate::query;
use crate::quote::quote;
use crate::url_contract as param;
use std::collections::HashMap;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Walk {
    began: Began,
    /// The answers given since, in order: each the id of the node it led to.
    path: Vec<Choice>,
    /// A question on the path whose answer the reader is changing.
    changing: Option<String>,
}

/// Where a walk began, and how the reader got there.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Began {
    /// The node the walk began at; none for the start question.
    pub at: Option<String>,
    pub how: How,
    /// What the paste that began the walk showed.
    pub found: Option<Found>,
}

/// How a walk began.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum How {
    /// At the start question.
    #[default]
    Start,
    /// A link to a step (a help desk's article, a bookmark, a shared link).
    Link,
    /// The map of every step.
    Map,
    /// The reader's paste, read by the analyser.
    Paste,
    /// A site's custom error page, which sent the error's details along.
    ErrorPage,
}

impl How {
    const LINKED: [How; 4] = [How::Link, How::Map, How::Paste, How::ErrorPage];

    /// The value of `by` in the URL.
    pub fn name(self) -> &'static str {
        match self {
            How::Start => "start",
            How::Link => "link",
            How::Map => "map",
            How::Paste => "paste",
            How::ErrorPage => "error-page",
        }
    }

    fn parse(name: &str) -> Option<How> {
        How::LINKED.into_iter().find(|how| how.name() == name)
    }
}

/// What a paste showed: the gateway that answered and the cause it gave, as the analyser names
/// them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub gateway: String,
    pub cause: String,
}

impl Found {
    /// Reads `gateway.cause`; each part a short lower-case name.
    fn parse(given: &str) -> Option<Found> {
        let name = |part: &str| {
            (1..=40).contains(&part.len())
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        };
        let (gateway, cause) = given.split_once('.')?;
        (name(gateway) && name(cause)).then(|| Found {
            gateway: gateway.into(),
            cause: cause.into(),
        })
    }

    fn to_param(&self) -> String {
        format!("{}.{}", self.gateway, self.cause)
    }
}

/// One answer on the walk.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Choice {
    /// The id of the node the answer led to.
    next: String,
    /// Whether a live check chose it rather than the reader.
    by_check: bool,
}

/// A question answered on the walk, with the answer and who chose it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Given<'t> {
    pub question: &'t Node,
    pub answer: &'t Answer,
    pub by_check: bool,
}

/// Where the reader stands in a run of questions: the run ends at the next advice, and a new
/// one may begin when that advice did not help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// This question's number in the run.
    pub number: usize,
    /// The most questions the run can have, counting this one and those before it.
    pub at_most: usize,
    /// Whether advice was already given on this walk (so this run looks for the next cause).
    pub after_advice: bool,
}

/// Why a URL's walk was cut short.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    UnknownNode { given: String },
    NotAnAnswer { question: String, given: String },
    PastTheEnd { end: String },
    CannotChange { given: String },
}

impl Problem {
    /// What went wrong, in words the page says in its language.
    pub fn said(&self) -> Said<Msg> {
        match self {
            Problem::UnknownNode { given } => {
                Said::new(Msg::LinkUnknownStep, &[("given", &quote(given))])
            }
            Problem::NotAnAnswer { question, given } => Said::new(
                Msg::LinkNotAnAnswer,
                &[("given", &quote(given)), ("question", question)],
            ),
            Problem::PastTheEnd { end } => Said::new(Msg::LinkPastTheEnd, &[("end", end)]),
            Problem::CannotChange { given } => {
                Said::new(Msg::LinkCannotChange, &[("given", &quote(given))])
            }
        }
    }
}

impl Walk {
    /// A walk that begins at `node`, opened `how` (by a link, the map, a paste…), with no
    /// answers yet. At the start node it is the walk from the start.
    pub fn opened_at(node: &Node, how: How, found: Option<Found>) -> Walk {
        if node.id == START {
            return Walk::default();
        }
        Walk {
            began: Began {
                at: Some(node.id.clone()),
                how,
                found: found.filter(|_| how == How::Paste),
            },
            ..Walk::default()
        }
    }

    /// Where and how the walk began.
    pub fn began(&self) -> &Began {
        &self.began
    }

    /// The node the walk began at.
    pub fn first<'t>(&self, tree: &'t Tree) -> &'t Node {
        self.began
            .at
            .as_deref()
            .and_then(|id| tree.node(id))
            .unwrap_or_else(|| tree.start())
    }

    /// The nodes passed through: the first, then the node each answer led to.
    fn trail<'t>(&self, tree: &'t Tree) -> Vec<&'t Node> {
        std::iter::once(self.first(tree))
            .chain(
                self.path
                    .iter()
                    .filter_map(|choice| tree.node(&choice.next)),
            )
            .collect()
    }

    /// The node on screen: the question being changed, or else where the answers lead.
    pub fn shown<'t>(&self, tree: &'t Tree) -> &'t Node {
        self.changing
            .as_deref()
            .and_then(|id| tree.node(id))
            .or_else(|| self.path.last().and_then(|choice| tree.node(&choice.next)))
            .unwrap_or_else(|| self.first(tree))
    }

    /// Each question answered on this walk, with the answer given.
    pub fn answered<'t>(&self, tree: &'t Tree) -> Vec<Given<'t>> {
        self.trail(tree)
            .into_iter()
            .zip(&self.path)
            .filter_map(|(question, choice)| {
                Some(Given {
                    question,
                    answer: question.answer(&choice.next)?,
                    by_check: choice.by_check,
                })
            })
            .collect()
    }

    /// The question whose answer is being changed, if any.
    pub fn changing(&self) -> Option<&str> {
        self.changing.as_deref()
    }

    /// The answer given to `question` on this walk.
    pub fn chosen<'t>(&self, tree: &'t Tree, question: &str) -> Option<&'t Answer> {
        self.answered(tree)
            .into_iter()
            .find(|given| given.question.id == question)
            .map(|given| given.answer)
    }

    /// The reader answers the question on screen with the answer leading to `next`. When an
    /// earlier answer is being changed, the answers after it are kept for as long as they still
    /// apply.
    pub fn choose(&self, tree: &Tree, next: &str) -> Option<Walk> {
        self.answer(tree, next, false)
    }

    /// A live check answers the question on screen, as [`Walk::choose`] does for the reader.
    pub fn choose_by_check(&self, tree: &Tree, next: &str) -> Option<Walk> {
        self.answer(tree, next, true)
    }

    fn answer(&self, tree: &Tree, next: &str, by_check: bool) -> Option<Walk> {
        let question = self.shown(tree);
        question.answer(next)?;
        let trail = self.trail(tree);
        let at = trail.iter().position(|node| node.id == question.id)?;
        let mut earlier: HashMap<&str, &Choice> = trail
            .iter()
            .zip(&self.path)
            .map(|(question, choice)| (question.id.as_str(), choice))
            .collect();
        let mut path = self.path[..at].to_vec();
        path.push(Choice {
            next: next.to_string(),
            by_check,
        });
        let mut node = tree.node(next)?;
        // Each earlier answer is used at most once, so this ends even on a tree with a loop.
        while let Some(kept) = earlier.remove(node.id.as_str()) {
            if node.answer(&kept.next).is_none() {
                break;
            }
            path.push(kept.clone());
            node = tree.node(&kept.next)?;
        }
        Some(Walk {
            began: self.began.clone(),
            path,
            changing: None,
        })
    }

    /// One step back: cancels a change in progress, or else forgets the last answer. From the
    /// step a walk began at, back leads to the step above it, as a walk that begins there: an
    /// answer the reader never gave is never made up.
    pub fn back(&self, tree: &Tree) -> Walk {
        if self.changing.is_some() {
            return Walk {
                changing: None,
                ..self.clone()
            };
        }
        if let Some(path) = self.path.split_last().map(|(_, earlier)| earlier.to_vec()) {
            return Walk {
                path,
                ..self.clone()
            };
        }
        match tree.parent(self.first(tree)) {
            Some(above) => Walk::opened_at(above, self.began.how, self.began.found.clone()),
            None => Walk::default(),
        }
    }

    /// Re-opens an answered `question` on this walk so its answer can be changed.
    pub fn change(&self, tree: &Tree, question: &str) -> Option<Walk> {
        self.chosen(tree, question)?;
        Some(Walk {
            changing: Some(question.to_string()),
            ..self.clone()
        })
    }

    /// How many questions have been answered on this walk.
    pub fn answer_count(&self) -> usize {
        self.path.len()
    }

    /// Whether `tree` holds every node this walk passes through and every node the step on
    /// screen leads to, so that it can show that step (a part of the tree may not).
    pub fn is_held_by(&self, tree: &Tree) -> bool {
        let mut passed = self
            .began
            .at
            .iter()
            .chain(&self.changing)
            .chain(self.path.iter().map(|choice| &choice.next));
        passed.all(|id| tree.node(id).is_some()) && tree.has_answers_of(self.shown(tree))
    }

    /// Whether the start question is on screen, before any answer.
    pub fn is_at_start(&self) -> bool {
        self.began.at.is_none() && self.path.is_empty() && self.changing.is_none()
    }

    /// Where the question on screen stands in its run of questions; none for other steps and
    /// while an answer is being changed.
    pub fn progress(&self, tree: &Tree) -> Option<Progress> {
        let shown = self.shown(tree);
        if shown.kind != Kind::Question || self.changing.is_some() {
            return None;
        }
        let answered = self.answered(tree);
        let before = answered
            .iter()
            .rev()
            .take_while(|given| given.question.kind == Kind::Question)
            .count();
        Some(Progress {
            number: before + 1,
            at_most: before + tree.questions_left(shown),
            after_advice: answered.len() > before,
        })
    }

    /// Reads the walk from a URL query string (other parameters are ignored). Whatever the URL
    /// says, the result is a valid walk: the furthest step it got right, and why it stopped.
    pub fn from_query(tree: &Tree, query: &str) -> (Walk, Option<Problem>) {
        let began = match Began::from_query(tree, query) {
            Ok(began) => began,
            Err(problem) => return (Walk::default(), Some(problem)),
        };
        let mut walk = Walk {
            began,
            ..Walk::default()
        };
        let given = query::get(query, param::ANSWERS).unwrap_or_default();
        let mut node = walk.first(tree);
        for given in given.split('.').filter(|id| !id.is_empty()) {
            let (id, by_check) = match given.strip_prefix(param::BY_CHECK) {
                Some(id) => (id, true),
                None => (given, false),
            };
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
            walk.path.push(Choice {
                next: id.to_string(),
                by_check,
            });
            node = tree.node(id).unwrap_or(node);
        }
        match query::get(query, param::CHANGE) {
            None => (walk, None),
            Some(question) => match walk.change(tree, &question) {
                Some(changing) => (changing, None),
                None => (walk, Some(Problem::CannotChange { given: question })),
            },
        }
    }

    /// `query` with this walk written into it (and any version 1 `step` or `audience` it began
    /// from taken out); parameters that are not the walk's are kept.
    pub fn to_query(&self, query: &str) -> String {
        let answers = (!self.path.is_empty()).then(|| {
            let ids: Vec<String> = self
                .path
                .iter()
                .map(|choice| match choice.by_check {
                    true => format!("{}{}", param::BY_CHECK, choice.next),
                    false => choice.next.clone(),
                })
                .collect();
            ids.join(".")
        });
        let began = &self.began;
        let how = began.at.as_ref().map(|_| began.how.name());
        let found = began.found.as_ref().map(Found::to_param);
        [
            (param::STEP, None),
            (param::AUDIENCE, None),
            (param::FROM, began.at.as_deref()),
            (param::BY, how),
            (param::FOUND, found.as_deref()),
            (param::ANSWERS, answers.as_deref()),
            (param::CHANGE, self.changing.as_deref()),
        ]
        .into_iter()
        .fold(query.to_string(), |query, (key, value)| {
            query::set(&query, key, value)
        })
    }
}

impl Began {
    /// Where a URL's walk begins: at `from` (or version 1's `step`), at the branch of a version 1
    /// `audience` when the URL gives no answers, or at the start.
    fn from_query(tree: &Tree, query: &str) -> Result<Began, Problem> {
        let get = |key| query::get(query, key);
        let how = get(param::BY).and_then(|by| How::parse(&by));
        let answers = get(param::ANSWERS).is_some() || get(param::CHANGE).is_some();
        let at = match (get(param::FROM), get(param::STEP)) {
            (Some(from), _) => from,
            (None, Some(step)) if !answers => step,
            _ if answers => return Ok(Began::default()),
            _ => return Ok(Began::from_audience(tree, query)),
        };
        let node = tree
            .node(&at)
            .ok_or(Problem::UnknownNode { given: at.clone() })?;
        let found = get(param::FOUND).and_then(|found| Found::parse(&found));
        Ok(Walk::opened_at(node, how.unwrap_or(How::Link), found).began)
    }

    /// The first step of the branch for the reader a version 1 link names, which a custom
    /// error page sends along with the error's details.
    fn from_audience(tree: &Tree, query: &str) -> Began {
        let audience = query::get(query, param::AUDIENCE)
            .and_then(|given| crate::linked_error::audience(&given).ok());
        let branch = tree
            .start()
            .answers
            .iter()
            .filter_map(|answer| tree.node(&answer.next))
            .find(|node| Some(node.audience) == audience);
        let from_error_page = [param::URL, param::STATUS, param::TIME, param::REQUEST_ID]
            .iter()
            .any(|key| query::get(query, key).is_some());
        let how = if from_error_page {
            How::ErrorPage
        } else {
            How::Link
        };
        branch.map_or_else(Began::default, |node| {
            Walk::opened_at(node, how, None).began
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::fixture::node;
    use crate::content::{Audience, Kind::End, Kind::Guidance, Kind::Question, START};

    /// What a problem says, in English.
    fn english(problem: &Problem) -> String {
        crate::i18n::Catalogue::<Msg>::english().say(&problem.said())
    }

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

    #[test]
    fn a_part_of_the_tree_holds_the_walks_it_can_show() {
        let tree = tree();
        // As index.html fetches them: the part of each step the address names.
        let part_of = |id| tree.part_for(tree.node(id).unwrap());
        let part = Tree::decode(&(part_of("scope") + &part_of("everywhere"))).unwrap();
        let here = walk(&tree, &["scope", "everywhere"]);
        assert!(here.is_held_by(&part), "its own step");
        assert!(
            walk(&tree, &["scope"]).is_held_by(&part),
            "the step above, Back's"
        );
        assert!(Walk::default().is_held_by(&part), "the start, Start over's");
        assert!(
            !walk(&tree, &["scope", "everywhere", "refresh"]).is_held_by(&part),
            "refresh is in the part, but not where its answers lead"
        );
        assert!(
            !walk(&tree, &["scope", "everywhere", "refresh", "still-broken"]).is_held_by(&part),
            "still-broken is not in the part"
        );
        assert!(here.is_held_by(&tree));
    }

    fn walk(tree: &Tree, answers: &[&str]) -> Walk {
        answers.iter().fold(Walk::default(), |walk, next| {
            walk.choose(tree, next).unwrap()
        })
    }

    fn answers(tree: &Tree, walk: &Walk) -> Vec<String> {
        walk.answered(tree)
            .iter()
            .map(|given| format!("{}={}", given.question.id, given.answer.next))
            .collect()
    }

    fn opened(tree: &Tree, id: &str, how: How) -> Walk {
        Walk::opened_at(tree.node(id).unwrap(), how, None)
    }

    #[test]
    fn a_new_walk_shows_the_start_question() {
        let tree = tree();
        let walk = Walk::default();
        assert_eq!(walk.shown(&tree).id, START);
        assert!(walk.is_at_start());
        assert!(walk.answered(&tree).is_empty());
        assert_eq!(walk.began().how, How::Start);
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
        assert_eq!(walk.back(&tree).shown(&tree).id, "scope");
        let back = |walk: Walk| walk.back(&tree);
        assert_eq!(back(back(back(back(walk)))), Walk::default());
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
        assert_eq!(before.change(&tree, "scope").unwrap().back(&tree), before);
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
            Walk::default().to_query("?url=x&a=scope&change=start&from=scope&by=map"),
            "url=x"
        );
    }

    #[test]
    fn a_walk_that_began_at_a_step_round_trips_with_where_and_how() {
        let tree = tree();
        let found = Found::parse("nginx.upstream-reset");
        let walk = Walk::opened_at(tree.node("scope").unwrap(), How::Paste, found.clone())
            .choose(&tree, "everywhere")
            .unwrap();
        let query = walk.to_query("?via=nginx");
        assert_eq!(
            query,
            "via=nginx&from=scope&by=paste&found=nginx.upstream-reset&a=everywhere"
        );
        let (read, problem) = Walk::from_query(&tree, &query);
        assert_eq!((&read, problem), (&walk, None));
        assert_eq!(read.began().found, found);
        assert_eq!(answers(&tree, &read), ["scope=everywhere"]);
    }

    #[test]
    fn answers_a_check_chose_are_marked_and_survive_the_url_and_a_change() {
        let tree = tree();
        let walk = Walk::default()
            .choose(&tree, "scope")
            .unwrap()
            .choose_by_check(&tree, "only-here")
            .unwrap()
            .choose(&tree, "refresh")
            .unwrap();
        let query = walk.to_query("");
        assert_eq!(query, "a=scope.~only-here.refresh");
        let (read, _) = Walk::from_query(&tree, &query);
        let by_check: Vec<bool> = read.answered(&tree).iter().map(|g| g.by_check).collect();
        assert_eq!(by_check, [false, true, false]);
        // Re-answering the first question by hand keeps the check's later answer as it was.
        let changed = read
            .change(&tree, START)
            .unwrap()
            .choose(&tree, "scope")
            .unwrap();
        assert_eq!(changed.to_query(""), "a=scope.~only-here.refresh");
        // Re-answering the check's question by hand makes it the reader's.
        let mine = read
            .change(&tree, "scope")
            .unwrap()
            .choose(&tree, "only-here")
            .unwrap();
        assert_eq!(mine.to_query(""), "a=scope.only-here.refresh");
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
        assert!(english(&problem.unwrap()).contains("“nowhere”"));
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
        let (walk, problem) = Walk::from_query(&tree, "from=everywhere&a=only-here");
        assert_eq!(walk.shown(&tree).id, "everywhere");
        assert!(matches!(problem, Some(Problem::NotAnAnswer { .. })));
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
            "a=~",
            "a=~~scope",
            "change=scope",
            &format!("a={long}"),
            "a=scope&change=nowhere",
            "from=%3Cscript%3E&by=paste&found=%3Cb%3E.x",
            "from=scope&by=nonsense&found=a.b.c",
        ] {
            let (walk, _) = Walk::from_query(&tree, query);
            assert!(walk.answer_count() <= 1, "{query}");
        }
        let (_, problem) = Walk::from_query(&tree, &format!("a={long}"));
        assert!(english(&problem.unwrap()).chars().count() < 150);
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
        let (walk, _) = Walk::from_query(&tree, "from=scope&by=nonsense&found=%3Cb%3E.x");
        assert_eq!(
            walk.began().how,
            How::Link,
            "an unknown `by` reads as a link"
        );
        assert_eq!(walk.began().found, None, "only a paste has findings");
        let (walk, _) = Walk::from_query(&tree, "from=scope&by=paste&found=Nginx.x%20y");
        assert_eq!(walk.began().found, None);
    }

    #[test]
    fn an_empty_or_foreign_query_is_the_start() {
        let tree = tree();
        for query in [
            "",
            "?",
            "?url=https://example.com&rid=abc",
            "a=",
            "from=start",
        ] {
            assert_eq!(
                Walk::from_query(&tree, query),
                (Walk::default(), None),
                "{query}"
            );
        }
    }

    #[test]
    fn a_step_opens_by_itself_without_answers_the_reader_never_gave() {
        let tree = tree();
        let (walk, problem) = Walk::from_query(&tree, "?rid=abc&step=still-broken");
        assert_eq!(problem, None);
        assert_eq!(walk.shown(&tree).id, "still-broken");
        assert!(walk.answered(&tree).is_empty());
        assert_eq!(walk.began().how, How::Link);
        assert_eq!(
            walk.to_query("?rid=abc&step=still-broken"),
            "rid=abc&from=still-broken&by=link"
        );
        let (walk, _) = Walk::from_query(&tree, "?step=still-broken&a=scope");
        assert_eq!(walk.shown(&tree).id, "scope", "version 1: answers win");
        let (walk, _) = Walk::from_query(&tree, "?from=everywhere&by=map");
        assert_eq!(
            (walk.shown(&tree).id.as_str(), walk.began().how),
            ("everywhere", How::Map)
        );
    }

    #[test]
    fn back_from_where_a_walk_began_goes_to_the_step_above_it() {
        let tree = tree();
        let walk = opened(&tree, "still-broken", How::Map);
        let up = walk.back(&tree);
        assert_eq!(up.shown(&tree).id, "refresh");
        assert!(up.answered(&tree).is_empty(), "no answer is made up");
        assert_eq!(up.began().how, How::Map);
        assert_eq!(up.back(&tree).shown(&tree).id, "scope");
        assert_eq!(up.back(&tree).back(&tree).back(&tree), Walk::default());
        let answered = walk.choose(&tree, "escalate").unwrap();
        assert_eq!(answered.back(&tree), walk);
    }

    #[test]
    fn an_unknown_step_opens_the_start_and_says_so() {
        let tree = tree();
        for query in ["?step=%3Cscript%3E", "?from=%3Cscript%3E&a=scope"] {
            let (walk, problem) = Walk::from_query(&tree, query);
            assert!(walk.is_at_start());
            assert_eq!(
                problem,
                Some(Problem::UnknownNode {
                    given: "<script>".into()
                })
            );
        }
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
        assert!(walk.answered(&tree).is_empty());
        assert_eq!(
            walk.to_query("?audience=owner&via=nginx"),
            "via=nginx&from=for-owners&by=link"
        );
        let (walk, _) = Walk::from_query(&tree, "?audience=visitor&url=https%3A%2F%2Fx.example");
        assert_eq!(
            walk.began().how,
            How::ErrorPage,
            "a custom 502 page sends the error along"
        );
        for unknown in ["admin", "everyone"] {
            let (walk, problem) = Walk::from_query(&tree, &format!("?audience={unknown}"));
            assert!(walk.is_at_start() && problem.is_none(), "{unknown}");
        }
    }

    #[test]
    fn progress_counts_the_questions_of_the_run_that_leads_to_advice() {
        let tree = tree();
        let at = |answers: &[&str]| walk(&tree, answers).progress(&tree);
        assert_eq!(
            at(&[]),
            Some(Progress {
                number: 1,
                at_most: 4,
                after_advice: false
            })
        );
        let refresh = at(&["scope", "only-here", "refresh"]).unwrap();
        assert_eq!((refresh.number, refresh.at_most), (4, 4));
        assert_eq!(at(&["scope", "refresh", "still-broken"]), None, "advice");
        let opened = opened(&tree, "everywhere", How::Link)
            .progress(&tree)
            .unwrap();
        assert_eq!(
            (opened.number, opened.at_most),
            (1, 2),
            "counted from where it began"
        );
    }

    #[test]
    fn progress_starts_a_new_run_after_advice_that_did_not_help() {
        let tree = Tree::new(vec![
            node(START, Question, &["fix"]),
            node("fix", Guidance, &["end", "more"]),
            node("more", Question, &["again"]),
            node("again", Question, &["end"]),
            node("end", End, &[]),
        ])
        .unwrap();
        let walk = walk(&tree, &["fix", "more", "again"]);
        assert_eq!(
            walk.progress(&tree),
            Some(Progress {
                number: 2,
                at_most: 2,
                after_advice: true
            })
        );
    }
}
