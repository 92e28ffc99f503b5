//! A plain message, as markup, where something could not be read or loaded in a part of the
//! page written with innerHTML (the map, the paste box's result). The views write theirs with
//! `view!`; these places have no view to write it in.

/// `text` as an alert. `text` is the guide's own words, not the reader's: it is not escaped.
pub fn alert_html(text: &str) -> String {
    format!("<p class=\"load-error\" role=\"alert\">{text}</p>")
}
