//! The app's services that talk to the browser rather than draw: the address bar
//! ([`location`]), the files the build wrote beside the app ([`content_files`], [`tree_store`], and what the page's
//! script fetched before the app, [`early`]),
//! the guide's worker ([`worker`]), the page's language ([`language`]), the live checks' observations ([`probe`]) and the page that
//! embeds the guide in a frame ([`embedder`]). The components in `app/` use them; none of them
//! renders anything.

pub mod content_files;
pub mod early;
pub mod embedder;
pub mod language;
pub mod location;
pub mod probe;
pub mod tree_store;
pub mod worker;
