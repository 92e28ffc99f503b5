//! A body the build rendered, made the reader's own when it is shown: the placeholders an author
//! wrote (`{{site.host}}`, `{{site.url}}`, `{{site.origin}}`, `{{request.id}}`) filled with what
//! the guide knows of the reader's error, as escaped text, or with a neutral example when it
//! knows nothing; and the
//! sections written for some readers ([`crate::markdown`]) opened and put first for those
//! readers, folded for the others.

use crate::content::PLACEHOLDERS;
use crate::markdown::{GROUP_END, GROUP_START, SECTION_END, SECTION_START};
use crate::reader::Reader;
use pulldown_cmark_escape::escape_html;

/// What the guide knows of the reader's error, each value as requests use it (an international
/// host name in its ASCII form).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Known {
    pub host: Option<String>,
    pub url: Option<String>,
    pub origin: Option<String>,
    pub rid: Option<String>,
}

impl Known {
    fn value(&self, name: &str) -> Option<&str> {
        match name {
            "site.host" => self.host.as_deref(),
            "site.url" => self.url.as_deref(),
            "site.origin" => self.origin.as_deref(),
            "request.id" => self.rid.as_deref(),
            _ => None,
        }
    }
}

/// `html` with every placeholder replaced by the escaped value, or its example; other `{{ … }}`
/// (a template in a command) stay as they are.
pub fn fill(html: &str, known: &Known) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("{{") {
        out.push_str(&rest[..at]);
        let after = &rest[at + 2..];
        let placeholder = after.find("}}").and_then(|end| {
            let name = &after[..end];
            let (_, example) = PLACEHOLDERS.iter().find(|(known, _)| *known == name)?;
            Some((end, known.value(name).unwrap_or(example)))
        });
        match placeholder {
            Some((end, value)) => {
                let _ = escape_html(&mut out, value);
                rest = &after[end + 2..];
            }
            None => {
                out.push_str("{{");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `html` with each group's sections for `reader` opened and moved to the front (in their
/// order), the others after them, folded.
pub fn for_reader(html: &str, reader: &Reader) -> String {
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html;
    while let Some(at) = rest.find(GROUP_START) {
        out.push_str(&rest[..at + GROUP_START.len()]);
        rest = &rest[at + GROUP_START.len()..];
        let (mut theirs, mut others) = (Vec::new(), Vec::new());
        while let Some(section) = rest.strip_prefix(SECTION_START) {
            let Some(end) = section.find(SECTION_END) else {
                break;
            };
            let (tags, _) = section.split_once('"').unwrap_or_default();
            let tags: Vec<&str> = tags.split(' ').collect();
            let whole = &section[..end + SECTION_END.len()];
            if reader.is_for(&tags) {
                theirs.push(whole);
            } else {
                others.push(whole);
            }
            rest = &section[end + SECTION_END.len()..];
        }
        let open = SECTION_START.replacen("<details ", "<details open ", 1);
        for section in theirs {
            out.push_str(&open);
            out.push_str(section);
        }
        for section in others {
            out.push_str(SECTION_START);
            out.push_str(section);
        }
        if let Some(after) = rest.strip_prefix(GROUP_END) {
            out.push_str(GROUP_END);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::markdown::to_html;

    fn shop() -> Known {
        Known {
            host: Some("shop.example".into()),
            url: Some("https://shop.example/cart".into()),
            origin: Some("https://shop.example".into()),
            rid: Some("8c1f-LHR".into()),
        }
    }

    #[test]
    fn placeholders_are_filled_in_text_and_code() {
        let html = to_html(
            "Run `nslookup {{site.host}}`:\n\n```sh\ncurl -sI {{site.url}}\ngrep {{request.id}} access.log\ndocker inspect -f '{{json .Config}}' app\n```\n",
        );
        let filled = fill(&html, &shop());
        assert!(
            filled.contains("<code>nslookup shop.example</code>"),
            "{filled}"
        );
        assert!(
            filled.contains("curl -sI https://shop.example/cart\ngrep 8c1f-LHR access.log"),
            "{filled}"
        );
        assert!(
            filled.contains("{{json .Config}}"),
            "a template in a command stays: {filled}"
        );
        let unknown = fill(&html, &Known::default());
        assert!(
            unknown.contains("nslookup example.com") && unknown.contains("grep REQUEST-ID"),
            "{unknown}"
        );
    }

    #[test]
    fn a_hostile_value_is_shown_as_text() {
        let known = Known {
            host: Some("<img src=x onerror=alert(1)>".into()),
            ..Known::default()
        };
        let filled = fill("<p>{{site.host}}</p>", &known);
        assert_eq!(filled, "<p>&lt;img src=x onerror=alert(1)&gt;</p>");
    }

    #[test]
    fn what_is_not_a_placeholder_stays() {
        assert_eq!(
            fill("{{nope}} {{ {{site.host", &shop()),
            "{{nope}} {{ {{site.host"
        );
        assert_eq!(fill("a}}b{{site.host}}", &shop()), "a}}bshop.example");
    }

    #[test]
    fn the_readers_own_sections_come_first_and_open() {
        let html = to_html(
            "## Clear it\n\n### On a computer {.desktop}\n\nClick.\n\n```sh\nx\n```\n\n### On a phone {.phone}\n\nTap.\n\n## After\n\nDone.\n",
        );
        let phone = Reader::from_user_agent(
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Version/17.5 Mobile Safari/604.1",
            true,
        );
        let mine = for_reader(&html, &phone);
        let tap = mine.find("Tap.").unwrap();
        assert!(tap < mine.find("Click.").unwrap(), "{mine}");
        assert!(
            mine.contains("<details open class=\"for\" data-for=\"phone\">"),
            "{mine}"
        );
        assert!(
            mine.contains("<details class=\"for\" data-for=\"desktop\">"),
            "{mine}"
        );
        assert_eq!(mine.len(), html.len() + " open".len());
        assert!(
            mine.ends_with("</div>\n<h2>After</h2>\n<p>Done.</p>\n"),
            "{mine}"
        );
        let desktop =
            Reader::from_user_agent("Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0", false);
        let theirs = for_reader(&html, &desktop);
        assert_eq!(
            theirs.replacen(" open", "", 1),
            html,
            "already in order: only opened"
        );
    }
}
