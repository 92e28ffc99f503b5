//! The map of every step (`?map`) as an HTML fragment, written by the build beside the bodies
//! so the page only fetches and shows it: every step with its kind, its id, what leads to it
//! and a link that opens the wizard there as a walk the map began. A question's answers fold
//! under it; guidance is followed at the same depth by what its "Did this fix it?" answers lead
//! to, so a chain of causes reads down the page rather than drifting to the right. A step
//! reached again from another branch is shown once and linked to afterwards, so the outline is
//! as long as the tree is large. Each step carries the text a search matches (its title, id
//! and the labels of the answers that lead to it), lower-cased.

use crate::content::{Kind, Node, Tree};
use crate::engine::{How, Walk};
use pulldown_cmark_escape::escape_html;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// Branches this deep and deeper are folded until the reader opens them or searches.
const OPEN_DEPTH: usize = 1;

/// The outline of `tree`: a `<ul class="map-tree">`.
pub fn html(tree: &Tree) -> String {
    let mut labels: HashMap<&str, Vec<&str>> = HashMap::new();
    for node in tree.nodes() {
        for answer in &node.answers {
            labels.entry(&answer.next).or_default().push(&answer.label);
        }
    }
    let mut outline = Outline {
        tree,
        labels,
        shown: HashSet::new(),
        out: String::from("<ul class=\"map-tree\">\n"),
    };
    outline.step(tree.start(), 0);
    outline.out.push_str("</ul>\n");
    outline.out
}

struct Outline<'t> {
    tree: &'t Tree,
    /// The labels of the answers that lead to each node.
    labels: HashMap<&'t str, Vec<&'t str>>,
    shown: HashSet<&'t str>,
    out: String,
}

impl<'t> Outline<'t> {
    fn text(&mut self, text: &str) {
        let _ = escape_html(&mut self.out, text);
    }

    /// One step and, the first time it appears, everything its answers lead to.
    fn step(&mut self, node: &'t Node, depth: usize) {
        if !self.shown.insert(&node.id) {
            if !node.answers.is_empty() {
                self.out.push_str("<li class=\"map-again\">");
                self.heading(node);
                let _ = writeln!(
                    self.out,
                    " <a href=\"#map-{}\">(shown above)</a></li>",
                    node.id
                );
            }
            return;
        }
        let search = self.search_text(node);
        let _ = write!(self.out, "<li id=\"map-{}\" data-search=\"", node.id);
        self.text(&search);
        self.out.push_str("\">");
        self.heading(node);
        let children: Vec<(&'t str, &'t Node)> = node
            .answers
            .iter()
            .filter_map(|answer| Some((answer.label.as_str(), self.tree.node(&answer.next)?)))
            .collect();
        if node.kind == Kind::Question && !children.is_empty() {
            let open = if depth < OPEN_DEPTH { " open" } else { "" };
            let _ = write!(
                self.out,
                "\n<details class=\"map-branch\"{open}><summary>{} answers</summary><ul>\n",
                children.len()
            );
            for (label, next) in children {
                self.out
                    .push_str("<li class=\"map-answer\"><span class=\"map-label\">");
                self.text(label);
                self.out.push_str("</span><ul>\n");
                self.step(next, depth + 1);
                self.out.push_str("</ul></li>\n");
            }
            self.out.push_str("</ul></details>");
            self.out.push_str("</li>\n");
        } else {
            self.out.push_str("</li>\n");
            for (label, next) in children {
                if self.shown.contains(next.id.as_str()) && next.answers.is_empty() {
                    continue; // an ending already shown is not repeated
                }
                self.out
                    .push_str("<li class=\"map-answer\"><span class=\"map-label\">");
                self.text(label);
                self.out.push_str("</span></li>\n");
                self.step(next, depth);
            }
        }
    }

    fn heading(&mut self, node: &Node) {
        let kind = (node.kind).name();
        let href = format!("?{}", Walk::opened_at(node, How::Map, None).to_query(""));
        let _ = write!(
            self.out,
            "<div class=\"map-step\"><span class=\"map-kind map-{kind}\">{kind}</span> <a href=\""
        );
        self.text(&href);
        self.out.push_str("\">");
        self.text(&node.title);
        let _ = write!(self.out, "</a> <code>{}</code></div>", node.id);
    }

    fn search_text(&self, node: &Node) -> String {
        let labels = self
            .labels
            .get(node.id.as_str())
            .map_or(&[][..], Vec::as_slice);
        let mut text = format!("{} {}", node.title, node.id);
        for label in labels {
            text.push(' ');
            text.push_str(label);
        }
        text.to_lowercase()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::Kind::{End, Guidance, Question};
    use crate::content::START;
    use crate::content::fixture::node;

    #[test]
    fn every_step_is_shown_once_with_a_link_that_opens_it() {
        let tree = Tree::new(vec![
            node(START, Question, &["ask", "fix"]),
            node("ask", Question, &["fix", "end"]),
            node("fix", Guidance, &["end", "more"]),
            node("more", Question, &["end"]),
            node("end", End, &[]),
        ])
        .unwrap();
        let html = html(&tree);
        for id in ["start", "ask", "fix", "more", "end"] {
            assert_eq!(
                html.matches(&format!("id=\"map-{id}\"")).count(),
                1,
                "{id}: {html}"
            );
        }
        assert!(
            html.contains("<a href=\"?from=ask&amp;by=map\">Title of ask</a> <code>ask</code>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"?\">Title of start</a>"),
            "the start opens the start: {html}"
        );
        assert!(
            html.contains("<a href=\"#map-fix\">(shown above)</a>"),
            "{html}"
        );
        assert!(
            html.contains("id=\"map-ask\" data-search=\"title of ask ask go to ask\""),
            "{html}"
        );
        assert!(html.contains("<details class=\"map-branch\" open><summary>2 answers</summary>"));
        assert!(
            html.contains("<details class=\"map-branch\"><summary>2 answers</summary>"),
            "deeper branches fold: {html}"
        );
    }

    #[test]
    fn titles_and_labels_are_escaped() {
        let mut start = node(START, Question, &["end"]);
        start.title = "<script>alert(1)</script>".into();
        start.answers[0].label = "\"quoted\" & <b>".into();
        let html = html(&Tree::new(vec![start, node("end", End, &[])]).unwrap());
        assert!(
            !html.contains("<script>") && !html.contains("<b>"),
            "{html}"
        );
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }
}
