//! Enums that authors, links and the encoded tree spell as words (a check, a verdict, a kind of
//! node, an audience, an ending, a layer of the stack, a line's shape). [`named!`] gives each
//! value its word once and derives the rest from that one list: `ALL`, `name` and `parse`.

/// `named!(Type { Value => "word", … })` writes, for the enum `Type`: `Type::ALL`, every value
/// in the order given (which messages that list the allowed words follow); `name`, a value's
/// word; and `parse`, the value a word spells, if any.
macro_rules! named {
    ($type:ident { $($value:ident => $word:literal),+ $(,)? }) => {
        impl $type {
            /// Every value, in the order its words are listed to authors.
            pub const ALL: [$type; [$($word),+].len()] = [$($type::$value),+];

            /// The word for this value.
            pub fn name(self) -> &'static str {
                match self {
                    $($type::$value => $word),+
                }
            }

            /// The value `word` spells, if any.
            pub fn parse(word: &str) -> Option<$type> {
                $type::ALL.into_iter().find(|value| value.name() == word)
            }
        }
    };
}
