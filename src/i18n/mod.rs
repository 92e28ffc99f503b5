//! The languages the guide speaks and the words of its interface in each.
//!
//! The visitor's side of the guide (the start question, every visitor step, the pages on what a
//! 502 is) is written in English and translated beside each node (`visitor-reload.de.md`, see
//! [`crate::content::load::translation`]); the owner's side stays in English. The interface's
//! own words are [`Msg`]s, and the panels' (the live checks, the watch, the report panel)
//! [`PanelMsg`]s, a list apart so that the first screen does not carry them: English here,
//! other languages in `content/messages/<lang>.toml`, which the build checks and writes in the
//! compact form [`Catalogue::decode`] reads. A check's finding is kept as [`Said`] words, said
//! in the page's language on the page and in English in the report.
//!
//! Which language a page speaks is chosen before the app starts (assets/boot.js: the first of
//! the `lang` parameter and the browser's languages that [`Lang::best_for`] would match, else
//! English; see docs/arch/0017), as the first paint must already be in it; the app reads the
//! choice from `<html lang>`.

pub mod catalogue;
pub mod messages;
mod panel_messages;
mod said;

pub use catalogue::{Catalogue, PluralCategory, placeholders};
pub use messages::{Messages, Msg};
pub use panel_messages::PanelMsg;
pub use said::Said;

/// One language's words: both lists' catalogues, as its message file gives them and as the
/// worker writes a paste's findings in.
#[derive(Debug)]
pub struct Words {
    /// The interface's, with the page's own (`content/<lang>/messages.txt`).
    pub interface: Catalogue<Msg>,
    /// The panels' (`content/<lang>/panels.txt`).
    pub panels: Catalogue<PanelMsg>,
}

impl Words {
    pub fn english() -> Words {
        Words {
            interface: Catalogue::english(),
            panels: Catalogue::english(),
        }
    }

    /// Both lists from their compact files; a list that cannot be read stays English.
    pub fn decode(interface: &str, panels: &str) -> Words {
        Words {
            interface: Catalogue::decode(interface).unwrap_or_else(|_| Catalogue::english()),
            panels: Catalogue::decode(panels).unwrap_or_else(|_| Catalogue::english()),
        }
    }
}

/// A language of the guide.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
    De,
    Fr,
    PtBr,
    Ja,
    Ar,
}

named!(Lang {
    En => "en",
    Es => "es",
    De => "de",
    Fr => "fr",
    PtBr => "pt-BR",
    Ja => "ja",
    Ar => "ar",
});

impl Lang {
    /// The languages the content is translated into: all but English.
    pub fn translated() -> impl Iterator<Item = Lang> {
        Lang::ALL.into_iter().filter(|lang| *lang != Lang::En)
    }

    /// The language's name in itself, as the language switcher lists it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::De => "Deutsch",
            Lang::Fr => "Français",
            Lang::PtBr => "Português (Brasil)",
            Lang::Ja => "日本語",
            Lang::Ar => "العربية",
        }
    }

    /// Whether the language is written right to left.
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The value of `<html dir>` for the language.
    pub fn dir(self) -> &'static str {
        if self.is_rtl() { "rtl" } else { "ltr" }
    }

    /// The guide's language for a BCP 47 tag (`pt` and `pt-PT` read as `pt-BR`, `es-MX` as `es`),
    /// if it speaks one close enough, matched case-insensitively on the primary subtag.
    pub fn best_for(tag: &str) -> Option<Lang> {
        let primary = tag.split(['-', '_']).next().unwrap_or_default();
        Lang::ALL.into_iter().find(|lang| {
            let ours = lang.name().split('-').next().unwrap_or_default();
            ours.eq_ignore_ascii_case(primary)
        })
    }

    /// The CLDR plural category of a whole number `n` in the language, for messages that
    /// count (Unicode CLDR plural rules, integers only).
    pub fn plural(self, n: u64) -> PluralCategory {
        use PluralCategory::*;
        match self {
            Lang::Ja => Other,
            // French and Brazilian Portuguese count 0 and 1 as one.
            Lang::Fr | Lang::PtBr if n <= 1 => One,
            Lang::En | Lang::Es | Lang::De if n == 1 => One,
            Lang::Ar => match n {
                0 => Zero,
                1 => One,
                2 => Two,
                _ if (3..=10).contains(&(n % 100)) => Few,
                _ if (11..=99).contains(&(n % 100)) => Many,
                _ => Other,
            },
            _ => Other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_reads_as_the_guide_s_closest_language() {
        assert_eq!(Lang::best_for("de-AT"), Some(Lang::De));
        assert_eq!(Lang::best_for("fr-CA"), Some(Lang::Fr));
        assert_eq!(Lang::best_for("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::best_for("pt"), Some(Lang::PtBr));
        assert_eq!(Lang::best_for("pt_PT"), Some(Lang::PtBr));
        assert_eq!(Lang::best_for("JA-jp"), Some(Lang::Ja));
        assert_eq!(Lang::best_for("ar-EG"), Some(Lang::Ar));
        assert_eq!(Lang::best_for("sv"), None);
        assert_eq!(Lang::best_for(""), None);
    }

    #[test]
    fn only_arabic_is_right_to_left() {
        let rtl: Vec<Lang> = Lang::ALL.into_iter().filter(|l| l.is_rtl()).collect();
        assert_eq!(rtl, [Lang::Ar]);
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::Ja.dir(), "ltr");
    }

    #[test]
    fn plural_categories_follow_cldr() {
        use PluralCategory::*;
        assert_eq!(Lang::En.plural(1), One);
        assert_eq!(Lang::En.plural(0), Other);
        assert_eq!(Lang::Fr.plural(0), One);
        assert_eq!(Lang::PtBr.plural(1), One);
        assert_eq!(Lang::De.plural(2), Other);
        assert_eq!(Lang::Ja.plural(1), Other);
        let arabic: Vec<_> = [0, 1, 2, 3, 10, 11, 99, 100, 102, 103, 111]
            .into_iter()
            .map(|n| Lang::Ar.plural(n))
            .collect();
        assert_eq!(
            arabic,
            [
                Zero, One, Two, Few, Few, Many, Many, Other, Other, Few, Many
            ]
        );
    }

    #[test]
    fn the_page_offers_the_same_languages() {
        // assets/boot.js chooses the language before the app starts; its list must be this one.
        let boot = include_str!("../../assets/boot.js");
        let names: Vec<&str> = Lang::ALL.into_iter().map(Lang::name).collect();
        let list = format!(
            "var LANGUAGES = {};",
            serde_json::to_string(&names).unwrap()
        );
        assert!(boot.contains(&list), "assets/boot.js should say: {list}");
        // index.html's switcher lists each, by its own name.
        let page = include_str!("../../index.html");
        for lang in Lang::ALL {
            let link = format!(
                "hreflang=\"{0}\" lang=\"{0}\"{1}>{2}</a>",
                lang.name(),
                if lang.is_rtl() { " dir=\"rtl\"" } else { "" },
                lang.native_name()
            );
            assert!(page.contains(&link), "index.html should link: {link}");
        }
    }

    #[test]
    fn the_error_page_and_the_embed_script_carry_every_language_s_words() {
        // Both stand alone (the error page is shown while the site fails; embed.js runs on
        // other sites), so each carries its own words: one entry per language of the guide.
        let error_page = include_str!("../../assets/error-pages/502.html");
        let embed = include_str!("../../assets/embed.js");
        for lang in Lang::ALL {
            let name = lang.name();
            let key = match name.contains('-') {
                true => format!("\"{name}\""),
                false => name.to_string(),
            };
            assert!(
                embed.contains(&format!("\n    {key}: [")),
                "assets/embed.js has no words for {name}"
            );
            if lang != Lang::En {
                assert!(
                    error_page.contains(&format!("\"{name}\":{{\"title\":")),
                    "the error page has no words for {name}"
                );
            }
        }
    }

    #[test]
    fn the_page_s_own_words_are_messages() {
        // index.html's script puts a language's words in each [data-msg] before the app starts;
        // its English is the page's own, which PAGE repeats for the translators and the checks.
        let page = include_str!("../../index.html");
        let keys: Vec<&str> = page
            .split("data-msg=\"")
            .skip(1)
            .filter_map(|rest| rest.split('"').next())
            .collect();
        assert!(keys.len() >= 10, "{keys:?}");
        for key in keys {
            let on_page = messages::PAGE.iter().any(|(known, _)| *known == key);
            assert!(
                on_page || Msg::parse(key).is_some(),
                "index.html names no message {key} (i18n::messages)"
            );
        }
    }
}
