//! The interface's words in one language, as the page reads them: the build writes each
//! language's checked messages in a compact form (`content/<lang>/messages.txt`), which the page
//! fetches only for the reader's language; English needs no file. A message a language lacks is
//! said in English.
//!
//! The compact form: a first line `L<TAB><lang><TAB><keys hash>` ([`KEYS_HASH`]), then one line
//! per [`Msg`] in the order of [`Msg::ALL`], then one per [`PAGE`] message: `key<TAB>text`, or
//! for a message that counts, `key` followed by each plural category and its text
//! (`answers-count<TAB>one<TAB>{count} Antwort<TAB>other<TAB>{count} Antworten`), or the key
//! alone where the language lacks it. The page's script finds its words by key; the app reads
//! its own by position, as long as the hash says the file lists the keys it knows, so that the
//! keys stay out of its wasm.

use super::messages::Messages;
use super::{Lang, Msg};

/// A CLDR plural category.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PluralCategory {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

named!(PluralCategory {
    Zero => "zero",
    One => "one",
    Two => "two",
    Few => "few",
    Many => "many",
    Other => "other",
});

/// A message's text in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    /// The forms of a message that counts, by plural category; always with `other`.
    Counted(Vec<(PluralCategory, String)>),
}

/// One list of messages ([`Msg`] unless told) in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Catalogue<M: Messages = Msg> {
    lang: Lang,
    /// By the message's position in `M::ALL`; `None` where the language lacks the message.
    texts: Vec<Option<Text>>,
    /// The page's words, by position in `M::PAGE`.
    page: Vec<Option<String>>,
    list: std::marker::PhantomData<M>,
}

impl<M: Messages> Catalogue<M> {
    /// English: every message as its list gives it.
    pub fn english() -> Catalogue<M> {
        Catalogue::new(Lang::En, [])
    }

    /// A language's catalogue from the messages it has.
    pub fn new(lang: Lang, texts: impl IntoIterator<Item = (M, Text)>) -> Catalogue<M> {
        let mut catalogue = Catalogue {
            lang,
            texts: vec![None; M::ALL.len()],
            page: vec![None; M::PAGE.len()],
            list: std::marker::PhantomData,
        };
        for (msg, text) in texts {
            catalogue.texts[msg.index()] = Some(text);
        }
        catalogue
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Gives the page's message `key` (one of `M::PAGE`) its text; false if there is no such key.
    pub fn set_page(&mut self, key: &str, text: String) -> bool {
        match M::PAGE.iter().position(|(known, _)| *known == key) {
            Some(at) => {
                self.page[at] = Some(text);
                true
            }
            None => false,
        }
    }

    /// The keys of the page's messages this language lacks, with their English text.
    pub fn missing_page(&self) -> impl Iterator<Item = (&'static str, &'static str)> + '_ {
        M::PAGE
            .iter()
            .zip(&self.page)
            .filter(|(_, text)| text.is_none())
            .map(|(message, _)| *message)
    }

    /// Whether the language has its own text for `msg`.
    pub fn has(&self, msg: M) -> bool {
        self.texts[msg.index()].is_some()
    }

    /// The messages this language says in English, as it lacks them.
    pub fn missing(&self) -> impl Iterator<Item = M> + '_ {
        M::ALL.iter().copied().filter(|msg| !self.has(*msg))
    }

    /// The text of `msg` (for a message that counts, its `other` form).
    pub fn text(&self, msg: M) -> &str {
        match &self.texts[msg.index()] {
            Some(Text::Plain(text)) => text,
            Some(Text::Counted(forms)) => form(forms, PluralCategory::Other).unwrap_or_default(),
            None => msg.english_plural().unwrap_or(msg.english()),
        }
    }

    /// The text of `msg` with each `{name}` replaced by its value.
    pub fn fill(&self, msg: M, values: &[(&str, &str)]) -> String {
        filled(self.text(msg), values)
    }

    /// The form of `msg` for `count`, with `{count}` and `values` filled in.
    pub fn count(&self, msg: M, count: u64, values: &[(&str, &str)]) -> String {
        let category = self.lang.plural(count);
        let text = match &self.texts[msg.index()] {
            Some(Text::Counted(forms)) => form(forms, category)
                .or_else(|| form(forms, PluralCategory::Other))
                .unwrap_or_default(),
            Some(Text::Plain(text)) => text,
            None if count == 1 => msg.english(),
            None => msg.english_plural().unwrap_or(msg.english()),
        };
        let count = count.to_string();
        let mut all = vec![("count", count.as_str())];
        all.extend_from_slice(values);
        filled(text, &all)
    }

    /// The compact form (see the module's documentation).
    pub fn encode(&self) -> String {
        let mut out = format!("L\t{}\t{:016x}\n", self.lang.name(), M::KEYS_HASH);
        for (msg, text) in M::ALL.iter().zip(&self.texts) {
            out.push_str(msg.key());
            match text {
                None => {}
                Some(Text::Plain(text)) => {
                    out.push('\t');
                    out.push_str(text);
                }
                Some(Text::Counted(forms)) => {
                    for (category, text) in forms {
                        out.push('\t');
                        out.push_str(category.name());
                        out.push('\t');
                        out.push_str(text);
                    }
                }
            }
            out.push('\n');
        }
        for ((key, _), text) in M::PAGE.iter().zip(&self.page) {
            out.push_str(key);
            if let Some(text) = text {
                out.push('\t');
                out.push_str(text);
            }
            out.push('\n');
        }
        out
    }

    /// Reads the compact form back, by position; an error if it was written for another list
    /// of messages (another build's) or a line is not a message.
    pub fn decode(encoded: &str) -> Result<Catalogue<M>, String> {
        let mut lines = encoded.lines();
        let header: Vec<&str> = lines.next().unwrap_or_default().split('\t').collect();
        let lang = match header.as_slice() {
            ["L", tag, hash] if *hash == format!("{:016x}", M::KEYS_HASH) => {
                Lang::parse(tag).ok_or("not a language of the guide")?
            }
            _ => return Err("the messages are another build's".into()),
        };
        let mut catalogue = Catalogue::<M>::new(lang, []);
        for (at, line) in lines.enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            let bad = || format!("not a message: “{line}”");
            if let Some(slot) = catalogue.page.get_mut(at.wrapping_sub(M::ALL.len())) {
                *slot = fields.get(1).map(|text| text.to_string());
                continue;
            }
            let text = match fields.as_slice() {
                [_] => None,
                [_, text] => Some(Text::Plain(text.to_string())),
                [_, forms @ ..] if forms.len() % 2 == 0 => Some(Text::Counted(
                    forms
                        .chunks(2)
                        .map(|pair| Some((PluralCategory::parse(pair[0])?, pair[1].to_string())))
                        .collect::<Option<_>>()
                        .ok_or_else(bad)?,
                )),
                _ => return Err(bad()),
            };
            *catalogue.texts.get_mut(at).ok_or_else(bad)? = text;
        }
        Ok(catalogue)
    }
}

fn form(forms: &[(PluralCategory, String)], category: PluralCategory) -> Option<&str> {
    forms
        .iter()
        .find(|(given, _)| *given == category)
        .map(|(_, text)| text.as_str())
}

/// `text` with each `{name}` of `values` replaced; braces naming nothing given stay as written.
fn filled(text: &str, values: &[(&str, &str)]) -> String {
    // One pass over the text, so that a value that itself holds a `{name}` (a header a site
    // sent, a title) is never filled in turn.
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let (_, value) = values.iter().find(|(name, _)| *name == &after[..close])?;
            Some((value, close))
        });
        match value {
            Some((value, close)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The names a text expects in braces, in order of first appearance.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        if !name.is_empty()
            && name.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && !names.contains(&name)
        {
            names.push(name);
        }
        rest = &rest[open + close + 1..];
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::messages::{Messages, PAGE};

    const KEYS_HASH: u64 = <Msg as Messages>::KEYS_HASH;

    fn german() -> Catalogue {
        Catalogue::new(
            Lang::De,
            [
                (Msg::Back, Text::Plain("Zurück".into())),
                (
                    Msg::AnswersCount,
                    Text::Counted(vec![
                        (PluralCategory::One, "{count} Antwort".into()),
                        (PluralCategory::Other, "{count} Antworten".into()),
                    ]),
                ),
                (
                    Msg::QuestionOf,
                    Text::Plain("Frage {number} von höchstens {at-most}".into()),
                ),
            ],
        )
    }

    #[test]
    fn a_language_says_what_it_has_and_english_the_rest() {
        let german = german();
        assert_eq!(german.text(Msg::Back), "Zurück");
        assert_eq!(german.text(Msg::StartOver), "Start over");
        assert!(german.has(Msg::Back) && !german.has(Msg::StartOver));
        assert_eq!(german.missing().count(), Msg::ALL.len() - 3);
        assert_eq!(german.missing_page().count(), PAGE.len());
    }

    #[test]
    fn counts_take_the_language_s_plural_form() {
        let german = german();
        assert_eq!(german.count(Msg::AnswersCount, 1, &[]), "1 Antwort");
        assert_eq!(german.count(Msg::AnswersCount, 4, &[]), "4 Antworten");
        let english = Catalogue::english();
        assert_eq!(english.count(Msg::AnswersCount, 1, &[]), "1 answer");
        assert_eq!(english.count(Msg::AnswersCount, 0, &[]), "0 answers");
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        let filled = german().fill(Msg::QuestionOf, &[("number", "2"), ("at-most", "5")]);
        assert_eq!(filled, "Frage 2 von höchstens 5");
        assert_eq!(
            placeholders(Msg::OpenedFromPaste.english()),
            ["first", "gateway", "cause"]
        );
        assert!(placeholders("{not a name} {}").is_empty());
    }

    #[test]
    fn a_value_that_holds_a_placeholder_is_not_filled_again() {
        let english = Catalogue::english();
        let values = [
            ("first", "{gateway} {cause"),
            ("gateway", "nginx"),
            ("cause", "{first}"),
        ];
        assert_eq!(
            english.fill(Msg::OpenedFromPaste, &values),
            "Opened at “{gateway} {cause” from your paste, which showed nginx: {first}."
        );
        assert_eq!(filled("{unknown} {first", &values), "{unknown} {first");
    }

    #[test]
    fn the_compact_form_reads_back_the_same() {
        let mut german = german();
        assert!(german.set_page("tagline", "Hilfe bei 502-Fehlern".into()));
        assert!(!german.set_page("back", "Zurück".into()));
        let encoded = german.encode();
        assert!(encoded.starts_with(&format!("L\tde\t{KEYS_HASH:016x}\n")));
        assert!(encoded.contains("\ntagline\tHilfe bei 502-Fehlern\n"));
        assert!(
            encoded.contains("\nstart-over\n"),
            "a missing message is its key alone"
        );
        assert_eq!(Catalogue::decode(&encoded), Ok(german));
        // Another build's list of messages, or none, is not read by position.
        let other = encoded.replacen(&format!("{KEYS_HASH:016x}"), "0000000000000000", 1);
        assert!(Catalogue::<Msg>::decode(&other).is_err());
        assert!(Catalogue::<Msg>::decode("L\tde\nback\tZurück").is_err());
        let header = format!("L\tde\t{KEYS_HASH:016x}\n");
        assert!(Catalogue::<Msg>::decode(&format!("{header}back\tsome\tx")).is_err());
        let too_long = format!("{encoded}one-line-too-many\tx\n");
        assert!(Catalogue::<Msg>::decode(&too_long).is_err());
    }

    #[test]
    fn every_message_has_a_unique_key_and_english_text() {
        let page = PAGE.iter().map(|(key, _)| *key);
        let mut keys: Vec<&str> = Msg::ALL.iter().map(|msg| msg.key()).chain(page).collect();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), Msg::ALL.len() + PAGE.len());
        for msg in Msg::ALL {
            assert!(!msg.english().trim().is_empty(), "{msg:?}");
            assert!(!msg.english().contains(['\t', '\n']), "{msg:?}");
        }
    }
}
