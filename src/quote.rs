//! Quoting back what a reader gave (a step id from a link, a typed address, a resolver) in a
//! message, cut short so a hostile or mistaken value cannot flood the page.

/// How many characters of a value a message quotes.
const QUOTE_LIMIT: usize = 60;

/// `text`, cut to a length fit for quoting back in a message.
pub fn quote(text: &str) -> String {
    match text.char_indices().nth(QUOTE_LIMIT) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::quote;

    #[test]
    fn long_values_are_cut_at_a_character_not_a_byte() {
        assert_eq!(quote("short"), "short");
        let long = "é".repeat(100);
        assert_eq!(quote(&long), format!("{}…", "é".repeat(60)));
    }
}
