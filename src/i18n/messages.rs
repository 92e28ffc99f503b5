//! The interface's words: every [`Msg`] with its key (how `content/messages/<lang>.toml` names
//! it) and its English text, the one list the translations are checked against.
//!
//! A text names what it is given in braces (`{number}`), which [`super::Catalogue::fill`]
//! replaces; a message that counts gives its English `one` and `other` forms, and the
//! translations give the forms their language has (`zero`, `one`, `two`, `few`, `many`,
//! `other`, as Unicode CLDR names them).

/// A list of messages a [`super::Catalogue`] holds: the interface's ([`Msg`]) or the panels'
/// ([`super::PanelMsg`]), each written by [`messages!`].
pub trait Messages: Copy + Eq + std::fmt::Debug + 'static {
    /// Every message, in the order of its list.
    const ALL: &'static [Self];
    /// Words of the page around the app that the list's file carries too, which only the build
    /// and the page's script read, by key (see [`PAGE`]).
    const PAGE: &'static [(&'static str, &'static str)];
    /// A hash of every key in order (with [`Self::PAGE`]'s), which each compact file's first
    /// line carries, so that the app reads a file by position only if it was written for the
    /// same list (the keys themselves stay out of the wasm).
    const KEYS_HASH: u64;

    /// The message's place in [`Self::ALL`].
    fn index(self) -> usize;

    /// How the message files name it.
    fn key(self) -> &'static str;

    /// The English text; for a message that counts, its `one` form.
    fn english(self) -> &'static str;

    /// For a message that counts, its English `other` form.
    fn english_plural(self) -> Option<&'static str>;

    /// The message a key names.
    fn parse(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|msg| msg.key() == key)
    }
}

/// `messages!(Name, page PAGE; Variant "key" => "English" [/ "English plural"], …)` writes the
/// enum `Name` and its [`Messages`]: each message's key and English forms.
macro_rules! messages {
    ($(#[$doc:meta])* $name:ident, page $page:expr;
     $($msg:ident $key:literal => $english:literal $(/ $plural:literal)?,)+) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name { $($msg),+ }

        // The enum's own functions too: `const` for constants such as the end's fixed labels,
        // and callers need not import the trait.
        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$msg),+];

            pub const fn key(self) -> &'static str {
                match self { $($name::$msg => $key),+ }
            }

            pub const fn english(self) -> &'static str {
                match self { $($name::$msg => $english),+ }
            }

            pub fn english_plural(self) -> Option<&'static str> {
                match self { $($name::$msg => None $(.or(Some($plural)))?),+ }
            }

            pub fn parse(key: &str) -> Option<$name> {
                <$name as $crate::i18n::Messages>::parse(key)
            }
        }

        impl $crate::i18n::Messages for $name {
            const ALL: &'static [$name] = $name::ALL;
            const PAGE: &'static [(&'static str, &'static str)] = $page;
            const KEYS_HASH: u64 = $crate::i18n::messages::keys_hash(&[$($key),+], $page);

            fn index(self) -> usize {
                self as usize
            }

            fn key(self) -> &'static str {
                $name::key(self)
            }

            fn english(self) -> &'static str {
                $name::english(self)
            }

            fn english_plural(self) -> Option<&'static str> {
                $name::english_plural(self)
            }
        }
    };
}
pub(crate) use messages;

/// FNV-1a over each key and a newline, `keys` then `page`'s: [`Messages::KEYS_HASH`].
pub const fn keys_hash(keys: &[&str], page: &[(&str, &str)]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < keys.len() + page.len() {
        let key = if i < keys.len() {
            keys[i]
        } else {
            page[i - keys.len()].0
        };
        let bytes = key.as_bytes();
        let mut b = 0;
        while b < bytes.len() {
            hash = (hash ^ bytes[b] as u64).wrapping_mul(0x0100_0000_01b3);
            b += 1;
        }
        hash = (hash ^ b'\n' as u64).wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

messages! {
    /// One piece of the interface's text.
    Msg, page &PAGE;

    // The languages' notes.
    OwnerInEnglish "owner-in-english" => "The steps for people who run a site are in English for now. You can go on in English.",
    StepInEnglish "step-in-english" => "This step has not been translated yet, so it is shown in English.",
    NotInLanguage "not-in-language" => "This guide is not available in your language yet, so it is shown in English.",

    // A step.
    Walk "walk" => "Walk",
    Back "back" => "Back",
    StartOver "start-over" => "Start over",
    Changing "changing" => "Changing an earlier answer",
    QuestionLast "question-last" => "Question {number}, the last before advice",
    QuestionOf "question-of" => "Question {number} of up to {at-most}",
    NextCauseCount "next-cause-count" => "Looking for the next cause · {count}",
    NextCause "next-cause" => "The next most likely cause",
    WhatToDo "what-to-do" => "What to do",
    YourAnswer "your-answer" => "Your answer",
    LaterAnswersKept "later-answers-kept" => "Your later answers are kept wherever they still apply.",
    DidThisFixIt "did-this-fix-it" => "Did this fix it?",
    Fixed "fixed" => "Yes, that fixed it",
    NotFixed "not-fixed" => "No, the error is still there",
    MeetingNow "meeting-now" => "Meeting a 502 now?",
    Loading "loading" => "Loading…",
    TryAgain "try-again" => "Try again",
    BodyOffline "body-offline" => "This step's text could not be loaded: you may be offline.",
    BodyStatus "body-status" => "This step's text could not be loaded (the server answered {status}).",
    PartNotLoaded "part-not-loaded" => "This part of the guide could not load. Check your connection, then try again.",
    LinkUnknownStep "link-unknown-step" => "This link asks for a step called “{given}”, which this guide does not have.",
    LinkNotAnAnswer "link-not-an-answer" => "This link gives “{given}” as the answer to “{question}”, but that is not one of its answers.",
    LinkPastTheEnd "link-past-the-end" => "This link goes on past “{end}”, where the walk ends.",
    LinkCannotChange "link-cannot-change" => "This link asks to change the answer to “{given}”, which was not answered on this walk.",
    LastRightStep "last-right-step" => "You are at the last step it got right.",
    RetryNoAddress "retry-no-address" => "Go back to the tab or app that showed the error and reload it there.",
    OpenAgain "open-again" => "Open {site} again",
    OpensNewTab "opens-new-tab" => " (opens a new tab)",

    // How the reader got here (the answered list).
    AnswersCount "answers-count" => "{count} answer" / "{count} answers",
    NoAnswersYet "no-answers-yet" => "no answers yet",
    HowYouGotHere "how-you-got-here" => "How you got here: {how} · {count}",
    BeganAtStart "began-at-start" => "from the start",
    BeganLink "began-link" => "opened from a link",
    BeganMap "began-map" => "opened from the map",
    BeganPaste "began-paste" => "opened from your paste",
    BeganErrorPage "began-error-page" => "from the site's error page",
    AnsweredYourself "answered-yourself" => "You began at the first question and answered each one yourself.",
    OpenedFromPaste "opened-from-paste" => "Opened at “{first}” from your paste, which showed {gateway}: {cause}.",
    OpenedFromLink "opened-from-link" => "You opened “{first}” from a link: no earlier answer is assumed.",
    OpenedFromMap "opened-from-map" => "You opened “{first}” from the map of every step: no earlier answer is assumed.",
    OpenedFromYourPaste "opened-from-your-paste" => "You opened “{first}” from your paste: no earlier answer is assumed.",
    OpenedFromErrorPage "opened-from-error-page" => "You opened “{first}” from the site's error page: no earlier answer is assumed.",
    // What a paste's cause means ({cause} above), one per cause of `analyze::CAUSES`, in its
    // order, then the words for a cause the guide does not know.
    CauseUpstreamRefused "cause-upstream-refused" => "nothing accepted the connection at the upstream's address",
    CauseUpstreamReset "cause-upstream-reset" => "the upstream reset the connection",
    CauseUpstreamClosedEarly "cause-upstream-closed-early" => "the upstream closed the connection before a complete response",
    CauseUpstreamInvalidResponse "cause-upstream-invalid-response" => "the upstream answered with something that is not valid HTTP",
    CauseUpstreamHeaderTooBig "cause-upstream-header-too-big" => "the response headers did not fit the proxy's buffers",
    CauseUpstreamTimeout "cause-upstream-timeout" => "the upstream did not answer in time",
    CauseUpstreamTls "cause-upstream-tls" => "the TLS handshake with the upstream failed",
    CauseDns "cause-dns" => "the upstream's name did not resolve",
    CauseNoHealthyUpstream "cause-no-healthy-upstream" => "every server of the upstream group is marked down",
    CauseAppCrashed "cause-app-crashed" => "the application crashed or was killed",
    CauseAppNotStarted "cause-app-not-started" => "the application is not running or failed to start",
    CauseResponseTooLarge "cause-response-too-large" => "the response was larger than the platform allows",
    CausePermissionDenied "cause-permission-denied" => "the proxy may not open the upstream's socket",
    CauseSocketMissing "cause-socket-missing" => "the upstream's Unix socket does not exist",
    CauseWorkerLimit "cause-worker-limit" => "every worker is busy, or the socket's queue is full",
    CauseNotRecognised "cause-not-recognised" => "a cause the guide does not know",
    ChosenByCheck "chosen-by-check" => " · chosen by the check",
    Change "change" => "Change",
    YourAnswerTo "your-answer-to" => " your answer to: ",

    // A live check.
    CheckAnsweredFor "check-answered-for" => "The guide's check answered “{question}” for you: ",
    ChooseYourself "choose-yourself" => "Not right? Choose yourself",
    CheckAnswered "check-answered" => "The check answered for you: {answer}.",
    SkipCheck "skip-check" => "Or skip the check and choose an answer below.",
    Check "check" => "Check",

    // An address a check needs (the context card's form and the checks').
    AskSite "ask-site" => "Which address shows the error?",
    AskStatusPage "ask-status-page" => "What is the address of the site's status page?",
    AddressEmpty "address-empty" => "Type the address of the page that shows the error.",
    AddressTooLong "address-too-long" => "That address is too long to be a web address.",
    AddressNotWeb "address-not-web" => "Only web addresses (http:// or https://) can be checked.",
    AddressNotCheckable "address-not-checkable" => "“{given}” is not a web address this guide can check. Type it as it appears in the address bar, such as shop.example.com/cart.",

    // The error the link described (the context card).
    YourError "your-error" => "Your error: ",
    Details "details" => "details",
    FailedAddress "failed-address" => "Failed address",
    Status "status" => "Status",
    Time "time" => "Time",
    RequestId "request-id" => "Request id",
    Gateway "gateway" => "Gateway",
    UseThisAddress "use-this-address" => "Use this address",
    DetailsDropped "details-dropped" => "Some details in the link that brought you here could not be used.",
    ClockAhead "clock-ahead" => "That time is ahead of this device's clock: one of the two clocks is wrong.",
    JustNow "just-now" => "That was just now.",
    ThatWas "that-was" => "That was {ago}.",

    // The paste box.
    PasteSummary "paste-summary" => "Have the error page, the response headers or a log line? Paste it",
    PasteLabel "paste-label" => "Paste the error page, the response headers or a log line",
    PasteFile "paste-file" => "Or drop a HAR file or a log here, or choose one (up to 50 MB)",
    PastePrivate "paste-private" => "This is read in your browser: what you paste or choose never leaves this page.",
    ReadIt "read-it" => "Read it",
    Reading "reading" => "Reading…",
    PasteNoReader "paste-no-reader" => "The paste could not be read: this browser did not let the guide start its reader. Reload the page and try again, or answer the questions instead.",
    PasteNotRead "paste-not-read" => "The paste could not be read: the part of the guide that reads it could not load. Check your connection, then press Read it again.",

    // A code block's copy button (the build writes it into each language's step texts).
    Copy "copy" => "Copy",
    Copied "copied" => "Copied",

    // The report.
    ReportForSupport "report-for-support" => "Report for support",
    CopyRefused "copy-refused" => "This browser did not allow copying: select the text and copy it by hand.",
}

/// The words of the page around the app (index.html's `[data-msg]` elements and its title), which
/// its script puts in before the app starts, from the same message file. Only the build and the
/// page's script read them, so the app's wasm does not carry them.
pub const PAGE: [(&str, &str); 11] = [
    ("tagline", "Step-by-step help with “502 Bad Gateway” errors"),
    ("page-title", "Fix a 502 Bad Gateway error · fix502"),
    ("loading-step", "Loading your step…"),
    (
        "no-app-title",
        "The interactive guide could not start in this browser.",
    ),
    (
        "no-app-why",
        "Its script was blocked or did not load. Reloading the page, or opening it in another browser, may help.",
    ),
    (
        "no-app-short",
        "In short: if you were visiting a site, wait a minute or two and reload; if the error stays, the problem is on the site's side, and its owners need to fix it.",
    ),
    (
        "no-tree-title",
        "The steps of this guide could not be loaded.",
    ),
    (
        "no-tree-why",
        "You may be offline, or the site that hosts the guide may be having trouble.",
    ),
    (
        "privacy",
        "fix502 runs in your browser. Your answers stay here; its live checks contact only the site you name, its status page and a DNS resolver.",
    ),
    ("map-link", "Map of every step"),
    ("language", "Language"),
];
