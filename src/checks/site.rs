//! The site a reader asks about: the address they typed or a link passed, read leniently.

use crate::i18n::{Msg, Said};
use crate::quote::quote;
use crate::url_contract::ADDRESS_LIMIT;

/// The site a reader is asking about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Site {
    /// An absolute http(s) URL, as the reader would read it (an international name stays in
    /// its own script; the browser turns it into the form requests use).
    pub url: String,
    /// Its host name, lowercase, without port.
    pub host: String,
    /// Whether the reader left out the scheme, so `https://` was assumed and `http://` may be
    /// tried next.
    pub guessed: bool,
}

impl Site {
    /// The same address over plain http, for a guessed scheme that did not answer.
    pub fn over_http(&self) -> Option<Site> {
        let rest = self.url.strip_prefix("https://")?;
        self.guessed.then(|| Site {
            url: format!("http://{rest}"),
            host: self.host.clone(),
            guessed: false,
        })
    }

    /// The scheme, host and port: `https://shop.example:8443`.
    pub fn origin(&self) -> &str {
        let after_scheme = self.url.find("://").map_or(0, |i| i + 3);
        let end = self.url[after_scheme..]
            .find(['/', '?', '#'])
            .map_or(self.url.len(), |i| after_scheme + i);
        &self.url[..end]
    }

    /// Where the site's icon would be, at the root of its origin: the watch loads it as an
    /// image, which fails while the site answers with an HTML error page.
    pub fn icon(&self) -> String {
        format!("{}/favicon.ico", self.origin())
    }
}

/// Reads what a reader typed (or a link passed) as the failing site: a full `http(s)://` URL, or
/// an address without its scheme (`shop.example.com/cart`, `127.0.0.1:8080`), for which
/// `https://` is assumed first. Spaces around it are ignored; international names are kept.
pub fn site(input: &str) -> Result<Site, Said<Msg>> {
    let input = input.trim();
    if input.is_empty() {
        return Err(Said::new(Msg::AddressEmpty, &[]));
    }
    if input.len() > ADDRESS_LIMIT {
        return Err(Said::new(Msg::AddressTooLong, &[]));
    }
    let lower = input.to_ascii_lowercase();
    let given = lower.starts_with("http://") || lower.starts_with("https://");
    let url = if given {
        input.to_string()
    } else if lower.contains("://")
        || lower.starts_with("javascript:")
        || lower.starts_with("data:")
    {
        return Err(Said::new(Msg::AddressNotWeb, &[]));
    } else {
        format!("https://{input}")
    };
    let rest = &url[url.find("://").map_or(0, |i| i + 3)..];
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host_port = authority.rsplit('@').next().unwrap_or_default();
    let (host, port) = if let Some(bracketed) = host_port.strip_prefix('[') {
        let (host, after) = bracketed.split_once(']').unwrap_or((bracketed, ""));
        (host, after.strip_prefix(':'))
    } else {
        match host_port.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (host_port, None),
        }
    };
    let valid_host = !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| !c.is_ascii() || c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    let valid_port = port.is_none_or(|p| {
        p.is_empty()
            || (p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()) && p.parse::<u16>().is_ok())
    });
    if !valid_host || !valid_port || authority.contains(char::is_whitespace) {
        return Err(Said::new(
            Msg::AddressNotCheckable,
            &[("given", &quote(input))],
        ));
    }
    Ok(Site {
        // Letters outside ASCII keep their case: the browser's URL parser folds an
        // international name when it turns it into the form requests use.
        host: host.to_ascii_lowercase(),
        url,
        guessed: !given,
    })
}
