//! The editorial rules a knowledge base must meet beyond a valid tree: advice long enough to
//! act on. The content tool applies them with the tree's checks, so `trunk serve` refuses what
//! the test suite would.

use super::{ContentError, SourceNode};
use crate::content::Kind;

/// The fewest words of prose (code blocks left out) in a piece of advice or an end step: enough
/// to say what the step is about, what to do and how to tell it worked.
pub const MIN_ADVICE_WORDS: usize = 80;

/// Words of prose in `markdown`, leaving out fenced code blocks.
pub fn prose_words(markdown: &str) -> usize {
    let mut in_code = false;
    markdown
        .lines()
        .filter(|line| {
            let trimmed = line.trim_start();
            if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                in_code = !in_code;
                return false;
            }
            !in_code
        })
        .map(|line| line.split_whitespace().count())
        .sum()
}

/// Every node but a question whose body says fewer than [`MIN_ADVICE_WORDS`] words of prose.
pub fn check_prose(sources: &[SourceNode]) -> Vec<ContentError> {
    sources
        .iter()
        .filter(|source| source.node.kind != Kind::Question && source.node.has_body)
        .filter_map(|source| {
            let words = prose_words(&source.body);
            (words < MIN_ADVICE_WORDS).then(|| {
                source.error(
                    source.lines.body,
                    format!(
                        "this text has {words} words of prose (code blocks not counted); advice \
                         needs at least {MIN_ADVICE_WORDS}: say what the step is about, what to \
                         do, and how to tell it worked"
                    ),
                )
            })
        })
        .collect()
}
