//! fix502: a troubleshooting wizard for HTTP 502 Bad Gateway errors.
//!
//! The decision logic ([`content`], [`engine`], [`checks`], [`analyze`], [`linked_error`],
//! [`embedding`], [`report`], [`jobs`], [`markdown`], [`query`]) is plain Rust that builds and
//! is tested on the host; [`app`], the Leptos user interface and the browser side of the live checks, is
//! only built for the browser.

// First, so that every module can use its macro.
#[macro_use]
mod named;

pub mod analyze;
pub mod checking;
pub mod checks;
pub mod content;
pub mod embedding;
pub mod engine;
pub mod html;
pub mod i18n;
pub mod jobs;
pub mod linked_error;
#[cfg(not(target_arch = "wasm32"))]
pub mod map;
pub mod markdown;
pub mod personal;
pub mod query;
pub mod quote;
pub mod reader;
pub mod report;
pub mod secrets;
pub mod url_contract;
pub mod watch;

#[cfg(target_arch = "wasm32")]
pub mod app;
