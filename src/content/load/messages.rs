//! The interface's words in one language, as translators write them:
//! `content/messages/<lang>.toml`, one key per [`Msg`] and per [`PanelMsg`] (the panels', which
//! the build writes to a file of their own), its text, or for a message that counts a table of
//! its plural forms:
//!
//! ```toml
//! back = "Zurück"
//! answers-count = { one = "{count} Antwort", other = "{count} Antworten" }
//! ```
//!
//! A key no list has, a form that is no plural category, a text that loses or invents
//! a `{name}` the English one gives, or a text on more than one line stops the build. A message
//! the file lacks is not a mistake: the page says it in English, and `fix502-content
//! --languages` lists it.

use super::ContentError;
use crate::i18n::messages::PAGE;
use crate::i18n::{
    Catalogue, Lang, Messages, Msg, PanelMsg, PluralCategory, Words, catalogue::Text, placeholders,
};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(untagged)]
enum Entry {
    Plain(String),
    Counted(BTreeMap<String, String>),
}

/// Reads one language's message file; `file` names it in errors.
pub fn parse_messages(file: &str, lang: Lang, text: &str) -> Result<Words, Vec<ContentError>> {
    let line_of = |byte: usize| 1 + text[..byte.min(text.len())].matches('\n').count();
    let error = |line: usize, message: String| ContentError {
        file: file.to_string(),
        line: Some(line),
        message,
    };
    let entries: BTreeMap<Spanned<String>, Spanned<Entry>> =
        toml::from_str(text).map_err(|problem| {
            let line = problem.span().map_or(1, |span| line_of(span.start));
            vec![error(
                line,
                format!(
                    "the messages do not parse: {}",
                    problem.message().trim_end()
                ),
            )]
        })?;
    let mut texts = Vec::new();
    let mut panels = Vec::new();
    let mut page = Vec::new();
    let mut errors = Vec::new();
    for (key, entry) in &entries {
        let line = line_of(key.span().start);
        let key = key.get_ref();
        let is_page = PAGE.iter().any(|(known, _)| known == key);
        let checked = match (Msg::parse(key), PanelMsg::parse(key), entry.get_ref()) {
            (Some(msg), _, entry) => checked(msg, entry).map(|text| texts.push((msg, text))),
            (None, Some(msg), entry) => checked(msg, entry).map(|text| panels.push((msg, text))),
            // The page's own words (index.html), which take no values and do not count.
            (None, None, Entry::Plain(text)) if is_page => {
                one_line(text).map(|()| page.push((key, text.clone())))
            }
            (None, None, Entry::Counted(_)) if is_page => {
                Err("this message does not count: give one text".into())
            }
            (None, None, _) => {
                errors.push(error(line, format!("there is no message {key:?}")));
                continue;
            }
        };
        if let Err(why) = checked {
            errors.push(error(line, format!("{key}: {why}")));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut interface = Catalogue::new(lang, texts);
    for (key, text) in page {
        interface.set_page(key, text);
    }
    Ok(Words {
        interface,
        panels: Catalogue::new(lang, panels),
    })
}

/// A text must say something, on one line (the compact form is one line a message).
fn one_line(text: &str) -> Result<(), String> {
    match super::validate::line_problem(text) {
        Some(problem) => Err(format!("the text {problem}")),
        None => Ok(()),
    }
}

/// One message's text, checked against its English.
fn checked(msg: impl Messages, entry: &Entry) -> Result<Text, String> {
    let english = placeholders(msg.english());
    let form_ok = |text: &str, may_omit_count: bool| -> Result<(), String> {
        one_line(text)?;
        let given = placeholders(text);
        if let Some(unknown) = given.iter().find(|name| !english.contains(name)) {
            return Err(format!(
                "{{{unknown}}} is not given to this message; the English text uses {}",
                names(&english)
            ));
        }
        let optional = |name: &str| may_omit_count && name == "count";
        let lost = english
            .iter()
            .find(|name| !given.contains(name) && !optional(name));
        match lost {
            Some(name) => Err(format!("the text leaves out {{{name}}}")),
            None => Ok(()),
        }
    };
    match entry {
        Entry::Plain(text) => {
            form_ok(text, false)?;
            Ok(Text::Plain(text.clone()))
        }
        Entry::Counted(_) if msg.english_plural().is_none() => {
            Err("this message does not count: give one text".into())
        }
        Entry::Counted(forms) => {
            let mut counted = Vec::new();
            for (name, text) in forms {
                let category = PluralCategory::parse(name).ok_or_else(|| {
                    let all: Vec<&str> = PluralCategory::ALL
                        .into_iter()
                        .map(PluralCategory::name)
                        .collect();
                    format!(
                        "{name:?} is not a plural form; the forms are: {}",
                        all.join(", ")
                    )
                })?;
                // A form such as "one" may say the number in words ("eine Antwort").
                form_ok(text, category != PluralCategory::Other)?;
                counted.push((category, text.clone()));
            }
            if !forms.contains_key("other") {
                return Err("a message that counts needs its \"other\" form".into());
            }
            Ok(Text::Counted(counted))
        }
    }
}

fn names(placeholders: &[&str]) -> String {
    if placeholders.is_empty() {
        return "none".into();
    }
    let braced: Vec<String> = placeholders
        .iter()
        .map(|name| format!("{{{name}}}"))
        .collect();
    braced.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(text: &str) -> Vec<String> {
        parse_messages("messages/de.toml", Lang::De, text)
            .err()
            .unwrap_or_default()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn a_good_file_gives_its_texts_and_leaves_the_rest_to_english() {
        let words = parse_messages(
            "messages/de.toml",
            Lang::De,
            "back = \"Zurück\"\nanswers-count = { one = \"eine Antwort\", other = \"{count} Antworten\" }\nwatch-stop = \"Nicht mehr beobachten\"\n",
        )
        .unwrap();
        let catalogue = &words.interface;
        assert_eq!(
            words.panels.text(PanelMsg::WatchStop),
            "Nicht mehr beobachten"
        );
        assert_eq!(words.panels.text(PanelMsg::Cancel), "Cancel");
        assert!(
            !catalogue.encode().contains("Nicht mehr"),
            "the panels' words are apart"
        );
        assert_eq!(catalogue.text(Msg::Back), "Zurück");
        assert_eq!(catalogue.count(Msg::AnswersCount, 1, &[]), "eine Antwort");
        assert_eq!(catalogue.count(Msg::AnswersCount, 3, &[]), "3 Antworten");
        assert_eq!(catalogue.text(Msg::StartOver), "Start over");
        assert_eq!(catalogue.missing_page().count(), 11);
        let page = parse_messages("de.toml", Lang::De, "tagline = \"Hilfe\"\n")
            .unwrap()
            .interface;
        assert_eq!(page.missing_page().count(), 10);
        assert!(page.encode().contains("\ntagline\tHilfe\n"));
    }

    #[test]
    fn mistakes_are_named_at_their_line() {
        assert_eq!(
            errors("back = \"Zurück\"\nbakc = \"x\"\n"),
            ["messages/de.toml:2: there is no message \"bakc\""]
        );
        assert_eq!(
            errors("question-of = \"Frage {number}\"\n"),
            ["messages/de.toml:1: question-of: the text leaves out {at-most}"]
        );
        // The panels' words are checked the same way.
        assert_eq!(
            errors("back = \"Zurück\"\nwatch-next = \"Gleich\"\n"),
            ["messages/de.toml:2: watch-next: the text leaves out {seconds}"]
        );
        assert_eq!(
            errors("back = \"Zurück {site}\"\n"),
            [
                "messages/de.toml:1: back: {site} is not given to this message; the English text uses none"
            ]
        );
        assert_eq!(
            errors("answers-count = { one = \"eine\" }\n"),
            ["messages/de.toml:1: answers-count: a message that counts needs its \"other\" form"]
        );
        assert_eq!(
            errors("answers-count = { several = \"x\", other = \"{count}\" }\n"),
            [
                "messages/de.toml:1: answers-count: \"several\" is not a plural form; the forms are: zero, one, two, few, many, other"
            ]
        );
        assert_eq!(
            errors("back = { one = \"a\", other = \"b\" }\n"),
            ["messages/de.toml:1: back: this message does not count: give one text"]
        );
        assert_eq!(
            errors("back = \"\"\n"),
            ["messages/de.toml:1: back: the text is empty"]
        );
        assert_eq!(
            errors("back = \"a\\tb\"\n"),
            ["messages/de.toml:1: back: the text must be a single line without tabs"]
        );
        assert_eq!(errors("back = [1]\n").len(), 1);
        assert_eq!(
            errors("tagline = { one = \"a\", other = \"b\" }\n"),
            ["messages/de.toml:1: tagline: this message does not count: give one text"]
        );
    }
}
