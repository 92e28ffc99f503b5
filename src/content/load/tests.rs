//! The content loader's tests: each mistake an author can make, reported at its line.

use super::front_matter::{SplitError, split_node_file};
use super::*;
use crate::checks::Check;
use crate::content::{FIXED_LABEL, NOT_FIXED_LABEL};

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

pub(super) fn end_node(id: &str, audience: &str) -> String {
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
        (
            start.lines.id,
            start.lines.kind,
            start
                .answer_lines
                .iter()
                .map(|l| l.next)
                .collect::<Vec<_>>()
        ),
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
        found[0]
            .starts_with("visitor-tip.md:6: the settings do not parse: unknown field `anwsers`"),
        "{found:?}"
    );
}

#[test]
fn a_bad_kind_or_audience_names_the_choices() {
    let kind = TIP_FILE.replace("\"end\"", "\"advice\"");
    assert_eq!(
        errors(&[("visitor-tip.md", &kind)]),
        ["visitor-tip.md:4: kind is \"advice\"; it must be \"question\", \"guidance\" or \"end\""]
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
        ["orphan.md:2: no answer leads to this node: link it from a question or delete the file"]
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
        ["start.md:4: this question has no answers: add [[answers]] with a label and a next node"]
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
        ["visitor-tip.md:6: only guidance has fixed and not_fixed: remove them from this end node"]
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
    let found = |body: &str| errors(&[("start.md", START_FILE), ("visitor-tip.md", &tip(body))]);
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
    let found = |body: &str| errors(&[("start.md", START_FILE), ("visitor-tip.md", &tip(body))]);
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

#[test]
fn advice_with_too_few_words_of_prose_is_reported_at_its_first_line() {
    let words = |n: usize| vec!["word"; n].join(" ");
    let with_body = |body: &str| {
        let file = TIP_FILE.replace("Press F5.\n", body);
        parse_file("visitor/visitor-tip.md", &file).unwrap()
    };
    let errors = |body: &str| -> Vec<String> {
        check_prose(&[with_body(body)])
            .iter()
            .map(ToString::to_string)
            .collect()
    };
    assert_eq!(
        errors("Press F5.\n"),
        [format!(
            "visitor/visitor-tip.md:8: this text has 2 words of prose (code blocks not counted); advice needs at least {MIN_ADVICE_WORDS}: say what the step is about, what to do, and how to tell it worked"
        )]
    );
    let code = format!("```\n{}\n```\n~~~\n{}\n~~~\n", words(50), words(50));
    assert_eq!(
        errors(&format!("{}\n{code}", words(79))).len(),
        1,
        "code is not prose"
    );
    assert!(errors(&format!("{}\n{code}", words(80))).is_empty());
    let question = parse_file("start.md", START_FILE).unwrap();
    assert!(
        check_prose(&[question]).is_empty(),
        "a question needs no text"
    );
}

#[test]
fn the_content_folder_is_refused_for_short_advice_as_for_a_broken_tree() {
    let root = std::env::temp_dir().join(format!("fix502-prose-{}", std::process::id()));
    std::fs::create_dir_all(root.join("visitor")).unwrap();
    std::fs::write(root.join("start.md"), START_FILE).unwrap();
    std::fs::write(root.join("visitor/visitor-tip.md"), TIP_FILE).unwrap();
    let errors = load_dir(&root).unwrap_err();
    std::fs::remove_dir_all(&root).unwrap();
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert!(
        shown[0].starts_with(&format!(
            "{}:8: this text has 2 words of prose",
            root.join("visitor/visitor-tip.md").display()
        )),
        "{shown:?}"
    );
}
