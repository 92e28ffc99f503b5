//! The panels' words: what the live checks, the watch and the report panel say, as
//! [`PanelMsg`]s with their keys and English. They are apart from [`super::Msg`] because only
//! the panels' module reads them (docs/arch/0003): the first screen carries neither their
//! English nor, in another language, their file (`content/<lang>/panels.txt`, fetched with the
//! module). Translators write them in the same `content/messages/<lang>.toml` as the rest.
//!
//! A check's finding is kept as [`super::Said`] values, not text, so that the panel says it in
//! the page's language and the report for support in English.

use super::messages::messages;

messages! {
    /// One piece of the panels' text.
    PanelMsg, page &[];

    // What a check is doing, while it runs.
    DoingOnline "doing-online" => "Checking your connection…",
    DoingSiteAnswers "doing-site-answers" => "Asking the site whether it answers…",
    DoingSiteStatus "doing-site-status" => "Reading the site's status and headers…",
    DoingDns "doing-dns" => "Looking up the site's name…",
    DoingStatusPage "doing-status-page" => "Reading the site's status page…",
    DoingSiteHop "doing-site-hop" => "Reading which server answered…",

    // Around a check's result.
    CheckingAddress "checking-address" => "Checking {address}",
    ChangeAddress "change-address" => "Change address",
    Cancel "cancel" => "Cancel",
    CheckStopped "check-stopped" => "Check stopped. Choose the answer that fits below, or run it again.",
    RunAgain "run-again" => "Run it again",
    NotWhatYouSee "not-what-you-see" => "Not what you see? Choose another answer below, or check again.",
    CheckAgain "check-again" => "Check again",
    RunTheCheck "run-the-check" => "Run the check",
    ResolverNotWeb "resolver-not-web" => "The resolver “{given}” is not an http(s) address, so the default resolvers are used.",

    // A finding's card.
    VerdictOk "verdict-ok" => "OK",
    VerdictProblem "verdict-problem" => "Problem",
    VerdictUnknown "verdict-unknown" => "Can't tell",
    FindingDetails "finding-details" => "Details",

    // The online check.
    OfflineBrowser "offline-browser" => "Your browser says it is offline: no network is connected.",
    Online "online" => "Your browser is online: it reached this guide's own server in {millis} ms.",
    OfflineNetwork "offline-network" => "Your browser has a network, but could not reach this guide's own server: the connection to the internet is not working.",

    // Whether the site answers.
    SiteAnswered "site-answered" => "{host} answered your browser in {millis} ms, with status {status}.",
    SiteAnsweredHidden "site-answered-hidden" => "Something at {host} answered your browser in {millis} ms. From here this guide cannot see whether it was the page or an error page.",
    SiteNoAnswer "site-no-answer" => "Nothing at {host} answered your browser (after {millis} ms): the name may not resolve, the connection may be refused or blocked, or its certificate refused.",
    SiteTimedOut "site-timed-out" => "{host} did not answer within {count} second." / "{host} did not answer within {count} seconds.",
    OverHttp "over-http" => "That was over http://, as https:// did not answer.",
    OverHttpLate "over-http-late" => "That was over http://, as https:// did not answer in time.",

    // The site's status and the server that answered.
    SiteBadGateway "site-bad-gateway" => "{host} answered 502 Bad Gateway (status {status}).",
    SiteServerError "site-server-error" => "{host} answered with a server error (status {status}).",
    SiteWorking "site-working" => "{host} answered normally (status {status}).",
    NoProxyNamed "no-proxy-named" => "It named no proxy in its headers.",
    HeadersSay "headers-say" => "Its headers say {headers}.",
    StatusHidden "status-hidden" => "Your browser keeps {host}'s status and headers from this page: browsers only show them to pages on the same site, or when the site allows it (CORS). Open the site's developer tools, or use this guide from the site's own address.",
    HopNamed "hop-named" => "{host}'s headers say that {server} answered.",
    HopUnnamed "hop-unnamed" => "{host}'s headers do not say which server answered: choose it below.",

    // The DNS check.
    DnsResolves "dns-resolves" => "{host} resolves to {addresses}.",
    DnsPointsTo "dns-points-to" => "It points to {platform}.",
    DnsNxdomain "dns-nxdomain" => "{host} does not exist in DNS (NXDOMAIN): the name is wrong, expired or its records were removed.",
    DnsServfail "dns-servfail" => "The DNS servers for {host} failed to answer (SERVFAIL): often a DNSSEC or name-server problem.",
    DnsNoAddress "dns-no-address" => "{host} exists in DNS but has no address (no A or AAAA record).",
    DnsNoResolver "dns-no-resolver" => "No DNS-over-HTTPS resolver could be asked about {host} from here.",

    // The status-page check.
    StatusOperational "status-operational" => "The status page reports no incident: “{description}”.",
    StatusIncident "status-incident" => "The status page reports a problem ({indicator}): “{description}”.",
    StatusIncidents "status-incidents" => "Current incidents: {incidents}.",
    StatusUnreadable "status-unreadable" => "The status page can't be read from here. Open it yourself: {page}",
    OpenStatusPage "open-status-page" => "Open the status page",

    // Why an answer could not be read (a resolver's, a status page's).
    WhyUnreadable "why-unreadable" => "It did not answer, or it does not let other sites read its answer.",
    WhyStatus "why-status" => "It answered with status {status}.",
    WhyNotJson "why-not-json" => "Its answer is not JSON.",
    WhyTooSlow "why-too-slow" => "Its answer did not finish within {count} second." / "Its answer did not finish within {count} seconds.",
    WhyTooLarge "why-too-large" => "Its answer is larger than {size} MB, far more than it should be.",
    WhyNotText "why-not-text" => "Its answer is not text.",
    WhyNoResolver "why-no-resolver" => "No resolver is set.",
    WhyNoStatus "why-no-status" => "Its answer has no status.",
    WhyNoIndicator "why-no-indicator" => "Its answer has no status indicator.",

    // The names and values of a finding's details.
    DetailAddress "detail-address" => "address",
    DetailTime "detail-time" => "time",
    DetailStatus "detail-status" => "status",
    DetailError "detail-error" => "error",
    DetailResolver "detail-resolver" => "resolver",
    DetailPlatform "detail-platform" => "platform",
    DetailDnsStatus "detail-dns-status" => "DNS status",
    DetailStatusPage "detail-status-page" => "status page",
    DetailIndicator "detail-indicator" => "indicator",
    DetailIncident "detail-incident" => "incident",
    Millis "millis" => "{millis} ms",
    GaveUpAfter "gave-up-after" => "gave up after {millis} ms",
    StatusOpaque "status-opaque" => "hidden (opaque response)",
    HttpsNoAnswer "https-no-answer" => "did not answer",
    HttpsTooSlow "https-too-slow" => "did not answer in time",

    // The watch.
    WatchTitle "watch-title" => "Let this page wait for you",
    WatchNeedsAddress "watch-needs-address" => "Give the address of the page that failed, and this page can check it again and again and tell you when it is back.",
    WatchLooking "watch-looking" => "Looking at the site…",
    WatchOffer "watch-offer" => "This page can check the site again and again, waiting longer each time, and tell you when it is back.",
    WatchStart "watch-start" => "Watch the site for me",
    WatchBlind "watch-blind" => "From here this page cannot tell when the site is fixed: the site answers, but hides from other sites whether that answer is its error page. Try it yourself in a few minutes.",
    WatchChecking "watch-checking" => "Checking…",
    WatchStop "watch-stop" => "Stop watching",
    WatchNext "watch-next" => "Next check in {seconds} s.",
    WatchBack "watch-back" => "The site is back.",
    BackStatus "back-status" => "It answers normally again.",
    BackAnswers "back-answers" => "Something answers at its address again, so it is probably back: open it to see.",
    BackIcon "back-icon" => "Its files load again, which they did not while it failed, so it is most likely back: open it to see.",
    WatchStopped "watch-stopped" => "Stopped watching.",
    LookAgain "look-again" => "Look again",
    NewsChecking "news-checking" => "Checking the site (check {number})…",
    NewsFailing "news-failing" => "Still failing after {count} check." / "Still failing after {count} checks.",
    BackUpTitle "back-up-title" => "Back up · {title}",

    // The report panel.
    ReportHint "report-hint" => "What support teams ask for: the address, the time, the request ids, what you tried, every answer and check, and your browser. It stays on this page until you copy or download it.",
    ReportSecrets "report-secrets" => "Include secret-looking parts of the address (tokens, keys, passwords), which are hidden as ***",
    ReportFailed "report-failed" => "The report could not be written. Reload the page and try again.",
    ReportWriting "report-writing" => "Writing the report…",
    ShareStep "share-step" => "Share this step",
    ShareDetails "share-details" => "Include the error's address, time and request id",
    CopyText "copy-text" => "Copy as text",
    CopyMarkdown "copy-markdown" => "Copy as Markdown",
    CopyJson "copy-json" => "Copy as JSON",
    ReportCopied "report-copied" => "The report is copied: paste it into your message to support.",
    DownloadMarkdown "download-markdown" => "Download (.md)",
    DownloadJson "download-json" => "Download (.json)",
    ShareLinkLabel "share-link-label" => "Link to this step",
    CopyLink "copy-link" => "Copy link",
    LinkCopied "link-copied" => "The link is copied.",

    // The report for support, in the language the reader chooses.
    ReportLanguage "report-language" => "Write the report in",
    ReportTitle "report-title" => "502 Bad Gateway: report for support",
    ReportTheError "report-the-error" => "The error",
    ReportWhatWasTried "report-what-was-tried" => "What was tried",
    ReportTheWalk "report-the-walk" => "The walk",
    ReportChecks "report-checks" => "Checks",
    ReportTechnical "report-technical" => "Technical details",
    ReportFailedAddress "report-failed-address" => "Failed address",
    ReportWhenItFailed "report-when-it-failed" => "When it failed",
    ReportNotGiven "report-not-given" => "not given",
    ReportNotGivenWritten "report-not-given-written" => "not given; this report was written {created} ({timezone})",
    ReportRequestIds "report-request-ids" => "Request ids",
    ReportNoneKnown "report-none-known" => "none known",
    ReportRequestId "report-request-id" => "Request id",
    ReportFromErrorPage "report-from-error-page" => "from the error page",
    ReportGotStatus "report-got-status" => "The reader got status {status}.",
    ReportGotStatusFrom "report-got-status-from" => "The reader got status {status} from {gateway}.",
    ReportGotError "report-got-error" => "The reader got an error.",
    ReportGotErrorFrom "report-got-error-from" => "The reader got an error from {gateway}.",
    ReportReached "report-reached" => "The guide reached “{title}”.",
    ReportReachedEnding "report-reached-ending" => "The guide reached “{title}” ({ending}).",
    ReportFixedIt "report-fixed-it" => "{title}: it fixed the error.",
    ReportStayed "report-stayed" => "{title}: the error stayed.",
    ReportCheck "report-check" => "Check {check}: {summary}",
    ReportNothingTried "report-nothing-tried" => "No advice followed and no check run yet.",
    ReportBeganStart "report-began-start" => "At the start: every answer below is the reader's.",
    ReportBeganLink "report-began-link" => "Opened at “{first}” from a link.",
    ReportBeganMap "report-began-map" => "Opened at “{first}” from the guide's map.",
    ReportBeganErrorPage "report-began-error-page" => "Opened at “{first}” from the site's error page.",
    ReportBeganPasteFound "report-began-paste-found" => "Opened at “{first}” from a paste, which showed {gateway}: {cause}.",
    ReportBeganPaste "report-began-paste" => "Opened at “{first}” from a paste.",
    ReportNoAnswers "report-no-answers" => "No questions answered yet.",
    ReportByCheck "report-by-check" => " (chosen by the guide's check)",
    ReportNoChecks "report-no-checks" => "No live checks ran.",
    ReportCheckOn "report-check-on" => "{check} on {question}: {outcome} ({verdict}). {summary}",
    ReportWritten "report-written" => "Report written",
    ReportBrowser "report-browser" => "Browser",
    ReportUserAgent "report-user-agent" => "User agent",
    ReportGuide "report-guide" => "Guide",
    ReportContentVersion "report-content-version" => "Content version",
    ReportStatus "report-status" => "Status",
    ReportGateway "report-gateway" => "Gateway",
    ReportLeftOut "report-left-out" => "Left out of the link",
    ReportLeftOutWhy "report-left-out-why" => "The link's “{param}” value was left out: {why}",
    // Why a value of the link was left out (`linked_error`), after the sentence above.
    LinkNotHttp "link-not-http" => "it is not an http:// or https:// address.",
    LinkTooLong "link-too-long" => "it is longer than 2048 characters.",
    LinkNotWebAddress "link-not-web-address" => "it is not a web address.",
    LinkBadStatus "link-bad-status" => "a status is a number from 100 to 599.",
    LinkBadTime "link-bad-time" => "it is not a date and time such as 2026-11-22T04:53:44Z.",
    LinkNoTimezone "link-no-timezone" => "it has no timezone (end it with Z or an offset such as +01:00).",
    LinkIdLength "link-id-length" => "a request id has 1 to 128 characters.",
    LinkIdSigns "link-id-signs" => "a request id has only letters, digits and the signs - _ . : = + / @.",
    LinkBadGateway "link-bad-gateway" => "a gateway is a short name such as nginx or cloudflare.",
    LinkBadAudience "link-bad-audience" => "it is either visitor or owner.",
    LinkBadLang "link-bad-lang" => "it is not a language tag such as en or fr-CA.",
    // A name and its value on one line of the report (French puts a space before the colon).
    ReportLabelled "report-labelled" => "{label}: {value}",
    ReportSecretsHidden "report-secrets-hidden" => "Secret-looking parts of the address are hidden as ***.",

    // What the paste analyser notes about a text (`analyze`).
    NoteEmpty "note-empty" => "There is nothing to read: the text is empty.",
    NoteBinary "note-binary" => "This looks like a binary file (an image, an archive…), not text: there is nothing in it to read. Paste the error page, the headers or the log lines as text.",
    NoteHarUnreadable "note-har-unreadable" => "This looks like a HAR file, but it could not be read as one ({why}); its text was read line by line instead.",
    NoteHarAllAnswered "note-har-all-answered" => "Every request in this HAR file got an answer below 500: none failed at a gateway.",
    NoteTimedOutAtLimit "note-timed-out-at-limit" => "A request failed after {seconds} s, which is {component}'s limit of {limit} s: it timed out there.",
    NoteNoGatewayError "note-no-gateway-error" => "This text shows no gateway error: no 502, 503 or 504 page, and no proxy or platform reporting a failure.",

    // What a paste shows, as the worker writes it under the paste box.
    PasteShows "paste-shows" => "What the paste shows",
    PasteNothingMatches "paste-nothing-matches" => "Nothing in this text matches what this guide knows of 502 errors.",
    PasteAnswerInstead "paste-answer-instead" => "Answer the questions instead: they lead to the same advice.",
    PasteSentError "paste-sent-error" => "Sent the error",
    PasteBehindIt "paste-behind-it" => "Behind it",
    PasteStatus "paste-status" => "Status",
    PasteCause "paste-cause" => "Cause",
    PasteSure "paste-sure" => "Sure?",
    PasteNotShown "paste-not-shown" => "not shown",
    PasteCauseNamed "paste-cause-named" => "{meaning} ({cause})",
    PasteSureHigh "paste-sure-high" => "yes: the component's own error and its cause both match known lines",
    PasteSureNoComponent "paste-sure-no-component" => "partly: the text shows a gateway error, but not which component sent it",
    PasteSureNoCause "paste-sure-no-cause" => "partly: the text shows which component sent the error, but not why",
    PasteSureNotOwnWords "paste-sure-not-own-words" => "partly: the reason shows, but not in the failing component's own words",
    PasteFailedRequests "paste-failed-requests" => "The requests that failed:",
    PasteNoResponse "paste-no-response" => "no response",
    PasteAfterSeconds "paste-after-seconds" => "after {seconds} s",
    PasteRequestIds "paste-request-ids" => "Request ids, for support:",
    PasteLines "paste-lines" => "The lines that show it:",
    PasteLine "paste-line" => "line {number}",
    PasteOpenGuidance "paste-open-guidance" => "Open the guidance for this",
    PasteAlsoShows "paste-also-shows" => "The paste also shows:",
    HopsLabel "hops-label" => "The way from your browser to the application",
    HopBrowser "hop-browser" => "Browser",
    HopSentError "hop-sent-error" => " sent the error",

    // Reading a dropped or chosen file (or a long paste) in the worker.
    FileYourPaste "file-your-paste" => "your paste",
    FileReading "file-reading" => "Reading “{name}”: {done} of {size} MB",
    FileTooLarge "file-too-large" => "“{name}” is {size} MB; the guide reads files up to 50 MB. Keep the part around the error (for a log, the lines near the time it happened) in a smaller file, or paste those lines.",
    FileEmpty "file-empty" => "“{name}” is empty: there is nothing in it to read.",
    FileNoSignatures "file-no-signatures" => "The paste could not be read: the list of known errors did not load, so you may be offline. Try again in a moment, or answer the questions instead.",
    FileNoReader "file-no-reader" => "This browser cannot read files in the guide's worker. Paste the text instead.",
    FileChanged "file-changed" => "The file could not be read: it may have been moved or changed while it was read. Choose it again.",
    FileMismatch "file-mismatch" => "The guide could not read the file: its files do not match. Reload the page.",
}
