//! What a link into the guide says about the error that brought the reader here: the URL
//! contract (version 1) that custom 502 pages and help desks fill in.
//!
//! | parameter  | value                                                    |
//! |------------|----------------------------------------------------------|
//! | `url`      | the page that failed: an `http(s)://` address            |
//! | `status`   | the status the page got: 100–599                         |
//! | `time`     | when: ISO 8601 with a timezone (`2026-11-22T04:53:44Z`)  |
//! | `rid`      | the request id (Ray ID, x-amz-cf-id, x-request-id…)      |
//! | `via`      | the gateway that answered (`nginx`, `cloudflare`…)       |
//! | `audience` | `visitor` or `owner`: which branch to open               |
//! | `lang`     | the reader's language (a BCP 47 tag)                     |
//! | `step`     | the id of the step to open                               |
//!
//! Every value is untrusted. Each is checked and length-limited here; one that fails is left
//! out, with a [`Note`] saying which and why, and the rest of the page carries on. The page shows
//! the values as text only. `audience` and `step` choose where the walk begins (see
//! [`crate::engine::Walk::from_query`], which also reports an unknown step); `url` also feeds
//! the live checks.

use crate::checks;
use crate::content::Audience;
use crate::i18n::{Lang, Msg, PanelMsg};
use crate::query;
use crate::url_contract as param;

pub use crate::secrets::masked;

/// The longest request id kept; longer values are dropped, not cut.
const ID_LIMIT: usize = 128;

/// What the link told about the error, as far as it passed the checks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LinkedError {
    pub url: Option<String>,
    pub status: Option<u16>,
    pub time: Option<String>,
    pub rid: Option<String>,
    pub via: Option<String>,
    pub lang: Option<String>,
    /// The parameters that were given but left out, and why.
    pub notes: Vec<Note>,
}

/// A parameter that was given but left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    pub param: &'static str,
    pub why: PanelMsg,
}

impl LinkedError {
    /// Reads the contract's parameters from a URL query string; others are ignored.
    pub fn from_query(query: &str) -> LinkedError {
        let mut notes = Vec::new();
        let context = LinkedError {
            url: checked(query, param::URL, url, &mut notes),
            status: checked(query, param::STATUS, status, &mut notes),
            time: checked(query, param::TIME, time, &mut notes),
            rid: checked(query, param::REQUEST_ID, request_id, &mut notes),
            via: checked(query, param::VIA, gateway, &mut notes),
            lang: checked(query, param::LANG, lang, &mut notes),
            notes: Vec::new(),
        };
        // The walk reads `audience` (and `step`, whose problems it reports itself); a bad
        // audience is still worth a note here.
        checked(query, param::AUDIENCE, audience, &mut notes);
        LinkedError { notes, ..context }
    }

    /// Each parameter of the contract that describes the error, with its value if it passed.
    pub fn values(&self) -> [(&'static str, Option<String>); 6] {
        [
            (param::URL, self.url.clone()),
            (param::STATUS, self.status.map(|s| s.to_string())),
            (param::TIME, self.time.clone()),
            (param::REQUEST_ID, self.rid.clone()),
            (param::VIA, self.via.clone()),
            (param::LANG, self.lang.clone()),
        ]
    }

    /// `query` without the values that were left out, so the address bar no longer carries
    /// them (the report keeps why).
    pub fn without_dropped(&self, query: &str) -> String {
        self.notes.iter().fold(query.to_string(), |query, note| {
            query::set(&query, note.param, None)
        })
    }

    /// The one line a reader sees when values were left out; the reasons go to the report.
    pub fn dropped_note(&self) -> Option<Msg> {
        (!self.notes.is_empty()).then_some(Msg::DetailsDropped)
    }

    /// `query` with the values that passed written in, for a link that carries them on.
    pub fn to_query(&self, query: &str) -> String {
        self.values()
            .into_iter()
            .fold(query.to_string(), |query, (param, value)| {
                query::set(&query, param, value.as_deref())
            })
    }

    /// What to show the reader, as label and value, in a fixed order.
    pub fn facts(&self) -> Vec<(Msg, String)> {
        [
            (Msg::FailedAddress, self.url.clone()),
            (Msg::Status, self.status.map(|s| s.to_string())),
            (Msg::Time, self.time.clone()),
            (Msg::RequestId, self.rid.clone()),
            (Msg::Gateway, self.via.clone()),
        ]
        .into_iter()
        .filter_map(|(label, value)| Some((label, value?)))
        .collect()
    }

    /// A note when the link names a language the guide does not speak (the page then speaks the
    /// reader's next language it has, or English).
    pub fn language_note(&self) -> Option<Msg> {
        let lang = self.lang.as_deref()?;
        Lang::best_for(lang).is_none().then_some(Msg::NotInLanguage)
    }
}

/// How long ago the error happened, rounded as a reader would say it; the page words it in
/// its language (`Intl.RelativeTimeFormat`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ago {
    /// More than two minutes ahead of this device's clock: one of the clocks is wrong.
    Ahead,
    JustNow,
    Minutes(i64),
    /// About this many hours.
    Hours(i64),
    Days(i64),
}

/// How long ago the error happened, from the milliseconds elapsed since `time`, so a reader
/// need not work it out from an ISO date.
pub fn time_ago(elapsed_ms: f64) -> Option<Ago> {
    if !elapsed_ms.is_finite() {
        return None;
    }
    let minutes = (elapsed_ms / 60_000.0).round() as i64;
    Some(match minutes {
        ..-2 => Ago::Ahead,
        -2..=1 => Ago::JustNow,
        2..=89 => Ago::Minutes(minutes),
        90..=2159 => Ago::Hours((minutes + 30) / 60),
        _ => Ago::Days((minutes + 720) / 1440),
    })
}

/// The value of `param` if the link gives one that passes `check`; a note if it fails.
fn checked<T>(
    query: &str,
    param: &'static str,
    check: fn(&str) -> Result<T, PanelMsg>,
    notes: &mut Vec<Note>,
) -> Option<T> {
    let given = query::get(query, param)?;
    check(&given)
        .map_err(|why| notes.push(Note { param, why }))
        .ok()
}

fn url(given: &str) -> Result<String, PanelMsg> {
    let lower = given.trim().to_ascii_lowercase();
    if !(lower.starts_with("http://") || lower.starts_with("https://")) {
        return Err(PanelMsg::LinkNotHttp);
    }
    if given.len() > param::ADDRESS_LIMIT {
        return Err(PanelMsg::LinkTooLong);
    }
    checks::site(given)
        .map(|site| site.url)
        .map_err(|_| PanelMsg::LinkNotWebAddress)
}

fn status(given: &str) -> Result<u16, PanelMsg> {
    match given.parse::<u16>() {
        Ok(status @ 100..=599) if given.len() == 3 => Ok(status),
        _ => Err(PanelMsg::LinkBadStatus),
    }
}

/// ISO 8601 (RFC 3339) date and time with a timezone:
/// `YYYY-MM-DDTHH:MM[:SS[.fraction]](Z|±HH:MM)`, `T` or a space between date and time.
fn time(given: &str) -> Result<String, PanelMsg> {
    const WHY: PanelMsg = PanelMsg::LinkBadTime;
    if given.len() > 40 {
        return Err(WHY);
    }
    // Reads `digits` digits at `at` as a number no larger than `max`.
    let number = |at: usize, digits: usize, max: u32| {
        let part = given.get(at..at + digits)?;
        let value: u32 = part
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())??;
        (value <= max).then_some(value)
    };
    let separators = [(4, b'-'), (7, b'-'), (13, b':')];
    let date_and_minutes = number(0, 4, 9999).is_some()
        && number(5, 2, 12).is_some_and(|month| month >= 1)
        && number(8, 2, 31).is_some_and(|day| day >= 1)
        && number(11, 2, 23).is_some()
        && number(14, 2, 59).is_some()
        && separators
            .iter()
            .all(|&(at, sign)| given.as_bytes().get(at) == Some(&sign))
        && matches!(given.as_bytes().get(10), Some(b'T' | b' '));
    if !date_and_minutes {
        return Err(WHY);
    }
    let mut rest = &given[16..];
    if rest.starts_with(':') {
        if number(17, 2, 60).is_none() {
            return Err(WHY);
        }
        rest = &given[19..];
        if let Some(fraction) = rest.strip_prefix('.') {
            let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                return Err(WHY);
            }
            rest = &fraction[digits..];
        }
    }
    let zone_at = given.len() - rest.len();
    let offset = rest.len() == 6
        && matches!(rest.as_bytes()[0], b'+' | b'-')
        && rest.as_bytes()[3] == b':'
        && number(zone_at + 1, 2, 23).is_some()
        && number(zone_at + 4, 2, 59).is_some();
    if rest == "Z" || offset {
        Ok(given.to_string())
    } else {
        Err(PanelMsg::LinkNoTimezone)
    }
}

/// Letters, digits and the few signs that request ids of every kind use (hex with dashes,
/// UUIDs, base64, Apache's `UNIQUE_ID`).
fn request_id(given: &str) -> Result<String, PanelMsg> {
    if given.is_empty() || given.len() > ID_LIMIT {
        return Err(PanelMsg::LinkIdLength);
    }
    let id_byte = |b: u8| b.is_ascii_alphanumeric() || b"-_.:=+/@".contains(&b);
    if given.bytes().all(id_byte) {
        Ok(given.to_string())
    } else {
        Err(PanelMsg::LinkIdSigns)
    }
}

/// Lower-case letters, digits, dots and dashes: a gateway's short name.
fn gateway(given: &str) -> Result<String, PanelMsg> {
    let valid = (1..=32).contains(&given.len())
        && given
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || matches!(b, b'-' | b'.'));
    if valid {
        Ok(given.to_string())
    } else {
        Err(PanelMsg::LinkBadGateway)
    }
}

/// The reader a link names: a visitor or an owner (`everyone` is not a reader).
pub fn audience(given: &str) -> Result<Audience, PanelMsg> {
    match Audience::parse(given) {
        Some(audience @ (Audience::Visitor | Audience::Owner)) => Ok(audience),
        _ => Err(PanelMsg::LinkBadAudience),
    }
}

/// A BCP 47 language tag: letters, then dash-separated letters and digits.
fn lang(given: &str) -> Result<String, PanelMsg> {
    let mut parts = given.split('-');
    let primary = parts.next().unwrap_or_default();
    let valid = given.len() <= 35
        && (2..=8).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_alphabetic())
        && parts
            .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()));
    if valid {
        Ok(given.to_string())
    } else {
        Err(PanelMsg::LinkBadLang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_length_notes_give_the_contracts_limits() {
        let limit = param::ADDRESS_LIMIT.to_string();
        assert!(PanelMsg::LinkTooLong.english().contains(&limit));
        assert!(
            PanelMsg::LinkIdLength
                .english()
                .contains(&ID_LIMIT.to_string())
        );
        let long = format!(
            "?url=https://shop.example/{}",
            "a".repeat(param::ADDRESS_LIMIT)
        );
        let context = LinkedError::from_query(&long);
        assert_eq!(context.url, None);
        assert_eq!(context.notes[0].why, PanelMsg::LinkTooLong);
    }

    fn notes(context: &LinkedError) -> Vec<&str> {
        context.notes.iter().map(|note| note.param).collect()
    }

    #[test]
    fn a_custom_error_page_link_is_read_in_full() {
        let context = LinkedError::from_query(
            "?audience=visitor&url=https%3A%2F%2Fshop.example%2Fcart%3Fid%3D7&status=502\
             &time=2026-11-22T04%3A53%3A44.120Z&rid=8c1f2e3d4b5a6978-LHR&via=nginx&lang=en-GB",
        );
        assert_eq!(
            context.facts(),
            [
                (Msg::FailedAddress, "https://shop.example/cart?id=7".into()),
                (Msg::Status, "502".into()),
                (Msg::Time, "2026-11-22T04:53:44.120Z".into()),
                (Msg::RequestId, "8c1f2e3d4b5a6978-LHR".into()),
                (Msg::Gateway, "nginx".into()),
            ]
        );
        assert!(context.notes.is_empty());
        assert_eq!(context.language_note(), None);
    }

    #[test]
    fn without_parameters_there_is_nothing_to_show_or_say() {
        let context = LinkedError::from_query("?a=visitor-other-sites");
        assert!(context.facts().is_empty());
        assert!(context.notes.is_empty());
    }

    #[test]
    fn hostile_values_are_left_out_with_a_note_each() {
        let long = "x".repeat(10_000);
        let context = LinkedError::from_query(&format!(
            "?url=javascript%3Aalert(1)&status=5020&time=yesterday&rid=%3Cscript%3Ealert(1)%3C%2Fscript%3E\
             &via=%3Cb%3E&audience=admin&lang={long}"
        ));
        assert!(context.facts().is_empty());
        assert_eq!(
            notes(&context),
            ["url", "status", "time", "rid", "via", "lang", "audience"]
        );
        let whys: Vec<PanelMsg> = context.notes.iter().map(|note| note.why).collect();
        use PanelMsg::*;
        assert_eq!(
            whys,
            [
                LinkNotHttp,
                LinkBadStatus,
                LinkBadTime,
                LinkIdSigns,
                LinkBadGateway,
                LinkBadLang,
                LinkBadAudience
            ]
        );
    }

    #[test]
    fn broken_escapes_and_long_ids_never_get_through() {
        let context = LinkedError::from_query(&format!(
            "?rid=%E2%28%A1&via=ngin%ZZx&url=https%3A%2F%2F{}",
            "a".repeat(3000)
        ));
        assert_eq!(context.rid, None);
        assert_eq!(context.via, None);
        assert_eq!(context.url, None);
        assert_eq!(notes(&context), ["url", "rid", "via"]);
        let id = "a".repeat(ID_LIMIT);
        assert_eq!(
            LinkedError::from_query(&format!("?rid={id}"))
                .rid
                .as_deref(),
            Some(id.as_str())
        );
        assert_eq!(LinkedError::from_query(&format!("?rid={id}a")).rid, None);
    }

    #[test]
    fn times_need_a_date_a_time_and_a_timezone() {
        for good in [
            "2026-11-22T04:53Z",
            "2026-11-22T04:53:44Z",
            "2026-11-22T04:53:44.5+01:00",
            "2026-11-22 04:53:44-05:30",
            "2016-12-31T23:59:60Z",
        ] {
            assert_eq!(time(good).as_deref(), Ok(good), "{good}");
        }
        for bad in [
            "2026-11-22",
            "2026-11-22T04:53:44",
            "2026-11-22T04:53:4Z",
            "2026-11-22T04:53:44+0100",
            "22/11/2026 04:53",
            "2026-11-22T04:53:44Z<script>",
            "2026-11-22T04:53:....Z",
            "2026-11-22T04:53:4.Z",
            "2026-11-22T04:53:44.Z",
            "2026-13-22T04:53:44Z",
            "2026-11-22T24:00:00Z",
            "2026-11-22T04:53:44+25:00",
            "2026-11-22t04:53:44z",
        ] {
            assert!(time(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn statuses_are_three_digits_in_range() {
        assert_eq!(LinkedError::from_query("?status=504").status, Some(504));
        for bad in ["99", "600", "+502", "502.0", "0502", "5O2"] {
            assert!(status(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn only_the_values_that_passed_are_carried_on() {
        let context = LinkedError::from_query("?rid=abc&status=999&via=nginx&junk=1");
        assert_eq!(
            context.to_query("a=visitor-scope"),
            "a=visitor-scope&rid=abc&via=nginx"
        );
    }

    #[test]
    fn the_time_reads_as_how_long_ago() {
        let minute = 60_000.0;
        assert_eq!(time_ago(20_000.0), Some(Ago::JustNow));
        assert_eq!(time_ago(25.0 * minute), Some(Ago::Minutes(25)));
        assert_eq!(time_ago(150.0 * minute), Some(Ago::Hours(3)));
        assert_eq!(time_ago(3.0 * 1440.0 * minute), Some(Ago::Days(3)));
        assert_eq!(time_ago(-10.0 * minute), Some(Ago::Ahead));
        assert_eq!(time_ago(f64::NAN), None);
    }

    #[test]
    fn dropped_values_get_one_calm_line_and_leave_the_address_bar() {
        let context =
            LinkedError::from_query("?a=x&rid=%3Cb%3E&status=5020&url=https%3A%2F%2Fok.example");
        assert_eq!(context.dropped_note(), Some(Msg::DetailsDropped));
        assert_eq!(
            context.without_dropped("?a=x&rid=%3Cb%3E&status=5020&url=https%3A%2F%2Fok.example"),
            "a=x&url=https%3A%2F%2Fok.example"
        );
        assert_eq!(LinkedError::from_query("?rid=abc").dropped_note(), None);
    }

    #[test]
    fn a_language_the_guide_does_not_speak_gets_a_note() {
        let french = LinkedError::from_query("?lang=fr-CA");
        assert_eq!(french.lang.as_deref(), Some("fr-CA"));
        assert_eq!(french.language_note(), None);
        assert_eq!(LinkedError::from_query("?lang=EN").language_note(), None);
        let swedish = LinkedError::from_query("?lang=sv-SE");
        assert_eq!(swedish.language_note(), Some(Msg::NotInLanguage));
    }
}
