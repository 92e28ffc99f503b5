//! The URL contract: the name of every query parameter the guide reads or writes, in one place.
//! The walk ([`crate::engine`]), the error's details ([`crate::linked_error`]), the embedding
//! frame ([`crate::embedding`]), the live checks and the map take their names from here; a test
//! holds the deep-link test of the page's script (`assets/boot.js`) and `assets/embed.js` to the
//! same names.
//!
//! Links in the wild never stop working: version 1's `step` and `audience` are still read (and
//! replaced in the address bar by the version 2 form that says the same thing).
//!
//! | parameter | version | meaning |
//! |---|---|---|
//! | `from` | 2 | the step a walk began at, when not the start |
//! | `by` | 2 | how it began there: `link`, `map`, `paste` or `error-page` |
//! | `found` | 2 | for `by=paste`: what the paste showed, `gateway.cause` |
//! | `a` | 1 | the answers given since, as the ids of the nodes they led to; `~` marks one a check chose |
//! | `change` | 1 | an answered question being re-answered |
//! | `step` | 1 | a step to open: read as `from` |
//! | `audience` | 1 | `visitor` or `owner`: opens that reader's branch |
//! | `url`, `status`, `time`, `rid`, `via`, `lang` | 1 | the error the reader met |
//! | `statuspage`, `doh` | 1 | addresses for the live checks |
//! | `embed`, `theme`, `compact`, `accent`, `radius`, `font` | 1 | a frame on another site |
//! | `map` | 1 | the map of every step instead of the wizard |

/// The version of the contract this build writes.
pub const VERSION: u32 = 2;

/// The step a walk began at, when it is not the start.
pub const FROM: &str = "from";
/// How the walk began at `from`.
pub const BY: &str = "by";
/// What a paste showed, for a walk a paste began.
pub const FOUND: &str = "found";
/// The answers given, as the ids of the nodes they led to, joined by `.`.
pub const ANSWERS: &str = "a";
/// Marks, before an id in [`ANSWERS`], an answer that a live check chose.
pub const BY_CHECK: char = '~';
/// The answered question being changed.
pub const CHANGE: &str = "change";
/// Version 1: a step to open. Read as [`FROM`].
pub const STEP: &str = "step";
/// Version 1: the reader (`visitor` or `owner`), whose branch opens.
pub const AUDIENCE: &str = "audience";

/// The page that failed; also the address the site checks test.
pub const URL: &str = "url";
pub const STATUS: &str = "status";
pub const TIME: &str = "time";
/// The request id to quote to support.
pub const REQUEST_ID: &str = "rid";
/// The gateway that answered.
pub const VIA: &str = "via";
pub const LANG: &str = "lang";

/// The site's status page, for the status-page check.
pub const STATUS_PAGE: &str = "statuspage";
/// DNS-over-HTTPS resolvers for the DNS check.
pub const DOH: &str = "doh";

/// The origin of a page that embeds the guide in a frame.
pub const EMBED: &str = "embed";
pub const THEME: &str = "theme";
pub const COMPACT: &str = "compact";
pub const ACCENT: &str = "accent";
pub const RADIUS: &str = "radius";
pub const FONT: &str = "font";

/// Shows the map of every step instead of the wizard.
pub const MAP: &str = "map";

/// The longest address a parameter may carry (`url`, `statuspage`, `doh`, `embed`), and so the
/// longest a check fetches.
pub const ADDRESS_LIMIT: usize = 2048;

/// The parameters that open something other than the start question, so the page does not
/// paint the start question before the app shows what they open.
pub const DEEP_LINK: [&str; 6] = [ANSWERS, CHANGE, FROM, STEP, AUDIENCE, MAP];

/// The parameters a page that embeds the guide writes (`assets/embed.js`).
pub const FRAME: [&str; 9] = [
    STEP,
    AUDIENCE,
    STATUS_PAGE,
    EMBED,
    THEME,
    COMPACT,
    ACCENT,
    RADIUS,
    FONT,
];

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn shipped(file: &str) -> String {
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/").to_string() + file)
            .unwrap()
    }

    #[test]
    fn the_page_paints_the_start_only_for_links_that_open_the_start() {
        let script = shipped("assets/boot.js");
        let test = script
            .lines()
            .find(|line| line.contains("deep-link"))
            .expect("the page's script marks deep links");
        let names = test
            .split_once("[?&](")
            .and_then(|(_, rest)| rest.split_once(')'))
            .map(|(names, _)| names)
            .expect("a pattern of the form [?&](a=|b=|…)");
        let mut given: Vec<&str> = names.split('|').map(|n| n.trim_end_matches('=')).collect();
        let mut expected = DEEP_LINK.to_vec();
        given.sort_unstable();
        expected.sort_unstable();
        assert_eq!(given, expected);
    }

    #[test]
    fn the_page_fetches_the_parts_of_every_step_an_address_names() {
        let script = shipped("assets/boot.js");
        let names = script
            .lines()
            .find(|line| line.contains("].forEach(function (name)"))
            .and_then(|line| line.trim().strip_prefix('['))
            .and_then(|line| line.split_once(']'))
            .map(|(names, _)| names)
            .expect("the page's script lists the parameters that name steps");
        let given: Vec<&str> = names.split(", ").map(|n| n.trim_matches('"')).collect();
        assert_eq!(given, [ANSWERS, CHANGE, FROM, STEP]);
    }

    #[test]
    fn embed_js_writes_the_frame_parameters_of_the_contract() {
        let script = shipped("assets/embed.js");
        let options = script
            .split_once("var OPTIONS = {")
            .and_then(|(_, rest)| rest.split_once("\n  };"))
            .map(|(options, _)| options)
            .expect("embed.js lists its options in var OPTIONS = { … };");
        let mut written: Vec<&str> = options
            .lines()
            .filter_map(|line| {
                line.strip_prefix("    ")?
                    .split_once(": ")
                    .map(|(name, _)| name)
            })
            .filter(|name| name.bytes().all(|b| b.is_ascii_lowercase()))
            .collect();
        assert!(script.contains("params.set(\"embed\", location.origin)"));
        written.push(EMBED);
        written.sort_unstable();
        let mut expected = FRAME.to_vec();
        expected.sort_unstable();
        assert_eq!(written, expected);
    }
}
