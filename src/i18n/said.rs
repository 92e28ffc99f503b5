//! Words to be said in a language not chosen yet: a message and the values it names, or text
//! said as it is. A live check's finding is made of them, so that the panel says it in the
//! page's language and the report for support, from the same finding, in English.

use super::catalogue::placeholders;
use super::messages::Messages;
use super::{Catalogue, Lang, PanelMsg};

/// What is to be said.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Said<M: Messages = PanelMsg> {
    /// A message, with the value of each `{name}` it names (`count` for one that counts).
    Words(M, Vec<(&'static str, String)>),
    /// Text the same in every language: a header's name, what a site or a browser wrote.
    Verbatim(String),
}

/// Separates a compact form's fields; no text keeps one (see [`Said::encode`]).
const FIELD: char = '\u{1f}';

impl<M: Messages> Said<M> {
    pub fn new(msg: M, values: &[(&'static str, &str)]) -> Said<M> {
        let values = values
            .iter()
            .map(|(name, value)| (*name, value.to_string()))
            .collect();
        Said::Words(msg, values)
    }

    pub fn verbatim(text: impl Into<String>) -> Said<M> {
        Said::Verbatim(text.into())
    }

    /// Said in English (the command line's words, and tests').
    pub fn english(&self) -> String {
        Catalogue::<M>::english().say(self)
    }

    /// The compact form, one line: `=` and the text, or the message's position in its list and
    /// each value as `␟name␟value`; tabs, line breaks and the separator become spaces.
    pub fn encode(&self) -> String {
        let clean = |text: &str| text.replace(['\t', '\n', '\r', FIELD], " ");
        match self {
            Said::Verbatim(text) => format!("={}", clean(text)),
            Said::Words(msg, values) => {
                let mut out = msg.index().to_string();
                for (name, value) in values {
                    out.push(FIELD);
                    out.push_str(name);
                    out.push(FIELD);
                    out.push_str(&clean(value));
                }
                out
            }
        }
    }

    /// Reads the compact form back; values the message does not name are left out.
    pub fn decode(encoded: &str) -> Option<Said<M>> {
        if let Some(text) = encoded.strip_prefix('=') {
            return Some(Said::Verbatim(text.to_string()));
        }
        let mut fields = encoded.split(FIELD);
        let msg = *M::ALL.get(fields.next()?.parse::<usize>().ok()?)?;
        let mut named = placeholders(msg.english());
        named.extend(msg.english_plural().map(placeholders).unwrap_or_default());
        let mut values = Vec::new();
        while let (Some(name), Some(value)) = (fields.next(), fields.next()) {
            if let Some(name) = named.iter().find(|known| **known == name) {
                values.push((*name, value.to_string()));
            }
        }
        Some(Said::Words(msg, values))
    }
}

impl<M: Messages> Catalogue<M> {
    /// `said` in this catalogue's language.
    pub fn say(&self, said: &Said<M>) -> String {
        let (msg, values) = match said {
            Said::Verbatim(text) => return text.clone(),
            Said::Words(msg, values) => (*msg, values),
        };
        let values: Vec<(&str, &str)> = values
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let count = values
            .iter()
            .find(|(name, _)| *name == "count")
            .and_then(|(_, count)| count.parse().ok());
        match count {
            Some(count) if msg.english_plural().is_some() => self.count(msg, count, &values),
            _ => self.fill(msg, &values),
        }
    }

    /// Sentences said one after another, as the language sets them.
    pub fn say_all(&self, said: &[Said<M>]) -> String {
        let between = if self.lang() == Lang::Ja { "" } else { " " };
        let sentences: Vec<String> = said.iter().map(|said| self.say(said)).collect();
        sentences.join(between)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::catalogue::{PluralCategory, Text};

    #[test]
    fn said_words_take_the_language_s_text_and_forms() {
        let german: Catalogue<PanelMsg> = Catalogue::new(
            Lang::De,
            [(
                PanelMsg::SiteTimedOut,
                Text::Counted(vec![
                    (
                        PluralCategory::One,
                        "{host} hat nicht binnen einer Sekunde geantwortet.".into(),
                    ),
                    (
                        PluralCategory::Other,
                        "{host} hat nicht binnen {count} Sekunden geantwortet.".into(),
                    ),
                ]),
            )],
        );
        let timed_out = |count: &str| {
            Said::new(
                PanelMsg::SiteTimedOut,
                &[("host", "shop.example"), ("count", count)],
            )
        };
        assert_eq!(
            german.say(&timed_out("8")),
            "shop.example hat nicht binnen 8 Sekunden geantwortet."
        );
        assert_eq!(
            german.say(&timed_out("1")),
            "shop.example hat nicht binnen einer Sekunde geantwortet."
        );
        let english = Catalogue::<PanelMsg>::english();
        assert_eq!(
            english.say(&timed_out("8")),
            "shop.example did not answer within 8 seconds."
        );
        // Said in English where the language lacks it; verbatim text as it is.
        let said = [
            Said::new(PanelMsg::Online, &[("millis", "40")]),
            Said::verbatim("cf-ray"),
        ];
        assert_eq!(
            german.say_all(&said),
            "Your browser is online: it reached this guide's own server in 40 ms. cf-ray"
        );
    }

    #[test]
    fn the_compact_form_reads_back_the_same() {
        let said: Said = Said::new(
            PanelMsg::SiteAnswered,
            &[
                ("host", "shop.example"),
                ("millis", "12"),
                ("status", "502"),
            ],
        );
        assert_eq!(Said::decode(&said.encode()), Some(said));
        let verbatim: Said = Said::verbatim("x-request-id");
        assert_eq!(Said::decode(&verbatim.encode()), Some(verbatim));
        // What would break a line or a field becomes a space.
        let odd: Said = Said::new(PanelMsg::HeadersSay, &[("headers", "a\tb\u{1f}c\nd")]);
        assert!(!odd.encode().contains(['\t', '\n']));
        assert_eq!(
            Said::decode(&odd.encode()),
            Some(Said::new(PanelMsg::HeadersSay, &[("headers", "a b c d")]))
        );
        // Another build's positions, or a name the message does not give, are not trusted.
        assert_eq!(Said::<PanelMsg>::decode("100000"), None);
        assert_eq!(
            Said::<PanelMsg>::decode(&format!("{}\u{1f}nope\u{1f}x", PanelMsg::Online as usize)),
            Some(Said::Words(PanelMsg::Online, vec![]))
        );
    }
}
