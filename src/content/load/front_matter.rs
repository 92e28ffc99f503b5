//! One node file read into a [`SourceNode`]: the `+++` fences found, the TOML settings parsed
//! into the node, and the line of every setting kept for the checks that come after.

use super::{AnswerLines, ContentError, Lines, SourceNode};
use crate::checks::Check;
use crate::content::{Answer, Audience, Ending, FIXED_LABEL, Kind, NOT_FIXED_LABEL, Node};

use serde::Deserialize;
use toml::Spanned;

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
pub(super) struct NodeFile<'a> {
    /// The TOML settings between the fences.
    pub(super) settings: &'a str,
    /// The 1-based line number of the first line of `settings`.
    pub(super) settings_line: usize,
    /// The Markdown after the closing fence.
    pub(super) body: &'a str,
    /// The 1-based line number of the first line of `body`.
    pub(super) body_line: usize,
}

/// Why a file is not a node file.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum SplitError {
    NoOpeningFence,
    NoClosingFence,
}

/// Cuts a node file into settings and body.
pub(super) fn split_node_file(text: &str) -> Result<NodeFile<'_>, SplitError> {
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

/// Locates errors in one file: `line_of` turns a byte offset in the settings into a file line.
pub(super) struct Locator<'f> {
    pub(super) file: &'f str,
    pub(super) settings: &'f str,
    pub(super) settings_line: usize,
}

impl Locator<'_> {
    pub(super) fn line_of(&self, byte: usize) -> usize {
        let before = &self.settings[..byte.min(self.settings.len())];
        self.settings_line + before.matches('\n').count()
    }

    pub(super) fn line<T>(&self, field: &Spanned<T>) -> usize {
        self.line_of(field.span().start)
    }

    pub(super) fn error(&self, line: usize, message: String) -> ContentError {
        ContentError {
            file: self.file.to_string(),
            line: Some(line),
            message,
        }
    }

    /// The error for a setting whose value is none of the `allowed` ones, listing them.
    fn not_one_of(&self, name: &str, field: &Spanned<String>, allowed: &[&str]) -> ContentError {
        self.error(
            self.line(field),
            format!(
                "{name} is {:?}; it must be one of: {}",
                field.get_ref(),
                allowed.join(", ")
            ),
        )
    }
}

/// Parses one node file. `file` is its path relative to `content/`, used in messages and by the
/// app to fetch the body.
pub fn parse_file(file: &str, text: &str) -> Result<SourceNode, ContentError> {
    let parts = split_node_file(text).map_err(|error| {
        let message = match error {
            SplitError::NoOpeningFence => format!(
                "a node file starts with a `{FENCE}` line, then its settings, then another `{FENCE}` line"
            ),
            SplitError::NoClosingFence => {
                format!("the settings are never closed: add a line with `{FENCE}` after them")
            }
        };
        ContentError {
            file: file.to_string(),
            line: Some(1),
            message,
        }
    })?;
    let at = Locator {
        file,
        settings: parts.settings,
        settings_line: parts.settings_line,
    };
    let matter: FrontMatter = toml::from_str(parts.settings).map_err(|error| {
        let line = error.span().map_or(2, |span| at.line_of(span.start));
        let message = format!("the settings do not parse: {}", error.message().trim_end());
        at.error(line, message)
    })?;
    let kind = Kind::parse(matter.kind.get_ref()).ok_or_else(|| {
        let message = format!(
            "kind is {:?}; it must be \"question\", \"guidance\" or \"end\"",
            matter.kind.get_ref()
        );
        at.error(at.line(&matter.kind), message)
    })?;
    let audience = Audience::parse(matter.audience.get_ref()).ok_or_else(|| {
        let message = format!(
            "audience is {:?}; it must be \"visitor\", \"owner\" or \"everyone\"",
            matter.audience.get_ref()
        );
        at.error(at.line(&matter.audience), message)
    })?;
    let check = parse_check(&at, matter.check.as_ref())?;
    let ending = match &matter.ending {
        None => None,
        Some(name) => Some(Ending::parse(name.get_ref()).ok_or_else(|| {
            let known: Vec<&str> = Ending::ALL.iter().map(|ending| ending.name()).collect();
            at.not_one_of("ending", name, &known)
        })?),
    };
    let set = |flag: &Option<Spanned<bool>>| {
        flag.as_ref()
            .filter(|flag| *flag.get_ref())
            .map(|flag| at.line(flag))
    };
    let given = |field: &Option<Spanned<String>>| field.as_ref().map(|field| at.line(field));
    let lines = Lines {
        id: at.line(&matter.id),
        title: at.line(&matter.title),
        kind: at.line(&matter.kind),
        body: parts.body_line,
        fixed: given(&matter.fixed),
        not_fixed: given(&matter.not_fixed),
        check: given(&matter.check),
        watch: set(&matter.watch),
        paste: set(&matter.paste),
        retry: set(&matter.retry),
        exhaustive: set(&matter.exhaustive),
        ending: given(&matter.ending),
    };
    let lists_answers = !matter.answers.is_empty();
    let mut answers = listed_answers(&at, matter.answers, check)?;
    if kind == Kind::Guidance && !lists_answers {
        answers.extend(did_this_fix_it(
            audience,
            matter.fixed,
            matter.not_fixed,
            &lines,
        ));
    }
    let body = parts.body.to_string();
    let (answers, answer_lines) = answers.into_iter().unzip();
    Ok(SourceNode {
        node: Node {
            id: matter.id.into_inner(),
            title: matter.title.into_inner(),
            kind,
            audience,
            has_body: !body.trim().is_empty(),
            answers,
            file: file.to_string(),
            check,
            watch: lines.watch.is_some(),
            paste: lines.paste.is_some(),
            retry: lines.retry.is_some(),
            ending,
            untranslated: false,
        },
        body,
        lines,
        answer_lines,
        lists_answers,
    })
}

/// The check `name` names, if it is one.
fn parse_check(
    at: &Locator,
    name: Option<&Spanned<String>>,
) -> Result<Option<Check>, ContentError> {
    let Some(name) = name else {
        return Ok(None);
    };
    Check::parse(name.get_ref()).map(Some).ok_or_else(|| {
        let known: Vec<&str> = Check::ALL.iter().map(|check| check.name()).collect();
        at.not_one_of("check", name, &known)
    })
}

/// A question's `[[answers]]`, each with where it stands; `when` may only name outcomes of the
/// question's check.
fn listed_answers(
    at: &Locator,
    listed: Vec<AnswerMatter>,
    check: Option<Check>,
) -> Result<Vec<(Answer, AnswerLines)>, ContentError> {
    let mut answers = Vec::new();
    for answer in listed {
        let lines = AnswerLines {
            label: at.line(&answer.label),
            next: at.line(&answer.next),
            way_out: answer.way_out.as_ref().is_some_and(|w| *w.get_ref()),
        };
        let when = match (&answer.when, check) {
            (None, _) => Vec::new(),
            (Some(when), None) => {
                return Err(at.error(
                    at.line(when),
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
                        let message = format!(
                            "the {} check has no outcome {name:?}; it has: {}",
                            check.name(),
                            check.outcomes().join(", ")
                        );
                        at.error(at.line(when), message)
                    })
                })
                .collect::<Result<_, _>>()?,
        };
        let answer = Answer {
            label: answer.label.into_inner(),
            next: answer.next.into_inner(),
            when,
        };
        answers.push((answer, lines));
    }
    Ok(answers)
}

/// "Did this fix it?", the answers of guidance that lists none: yes leads to the audience's
/// fixed page unless `fixed` says otherwise, no to `not_fixed` where given. Their lines are
/// `kind`'s and those of `fixed` and `not_fixed`.
fn did_this_fix_it(
    audience: Audience,
    fixed: Option<Spanned<String>>,
    not_fixed: Option<Spanned<String>>,
    lines: &Lines,
) -> Vec<(Answer, AnswerLines)> {
    let fixed = fixed.map_or_else(
        || format!("{}-fixed", (audience).name()),
        Spanned::into_inner,
    );
    let yes = (FIXED_LABEL, fixed, lines.fixed);
    let no = not_fixed.map(|next| (NOT_FIXED_LABEL, next.into_inner(), lines.not_fixed));
    std::iter::once(yes)
        .chain(no)
        .map(|(label, next, line)| {
            let answer = Answer {
                label: label.into(),
                next,
                when: Vec::new(),
            };
            let lines = AnswerLines {
                label: lines.kind,
                next: line.unwrap_or(lines.kind),
                way_out: false,
            };
            (answer, lines)
        })
        .collect()
}
