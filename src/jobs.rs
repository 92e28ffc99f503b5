//! The work the page hands to its worker (`src/bin/fix502-worker.rs`), so that neither its code
//! nor its running time weighs on the page: reading a paste, and writing the report for
//! support. A job is a list of strings in and a list of strings out, the only thing the page
//! and the worker pass each other, and it is plain Rust, tested here.
//!
//! | job      | arguments                                           | result            |
//! |----------|-----------------------------------------------------|-------------------|
//! | `paste-file` | a `File` (not a string: the worker reads it itself, see [`paste_pieces`]), the page's query, its language (empty for English: the worker fetches its words) | findings as HTML, in the page's words |
//! | `hop`    | a response's status line and headers (see [`checks::response_text`]), `signatures.txt` | the id and name of the server that answered, or nothing |
//! | `report` | `tree.txt` (the English one, which the worker fetches: the page sends the rest), the page's query, the query it was opened with, its address without the query, the findings (see [`checks::encode_findings`]), `1` to keep secrets, `1` to share the error's details, the page's panel words, the paste's cause as the page says it, the report's language (empty for English) | the report panel's markup, the share link's markup |

use crate::analyze::{self, Analysis, Confidence, Layer, Rules};
use crate::checks;
use crate::content::Tree;
use crate::engine::{Found, How, Walk};
use crate::html::{Html, data_url};
use crate::i18n::{Catalogue, PanelMsg, Words};
use crate::linked_error::LinkedError;
use crate::report::Report;

pub const PASTE_FILE: &str = "paste-file";

/// The largest file the page reads, in bytes: a day of a busy site's error log, or a HAR file
/// of a long session.
pub const FILE_LIMIT: f64 = 50.0 * 1024.0 * 1024.0;
pub const REPORT: &str = "report";
pub const HOP: &str = "hop";
/// Not a job: the page's first message to a new worker, with the version of the content it
/// holds, which the worker then fetches (its signatures and tree) and reports.
pub const CONTENT_VERSION: &str = "content-version";

/// What the worker knows of where it runs, for the report.
pub struct Environment {
    /// The time now in UTC, ISO 8601.
    pub created: String,
    /// The reader's timezone and offset (`Europe/London, UTC+00:00`).
    pub timezone: String,
    pub user_agent: String,
    /// The version of the content this build carries.
    pub content_version: String,
}

/// Runs the job that `args` names on the rest of them. A job it does not know, or arguments
/// that do not read, give one string saying so, which the page shows.
pub fn run(args: &[String], environment: &Environment) -> Vec<String> {
    let broken = |what: &str| {
        vec![format!(
            "The guide could not {what}: its files do not match. Reload the page."
        )]
    };
    match args {
        [job, response, signatures] if job == HOP => match Rules::decode(signatures) {
            Ok(rules) => hop(&rules, response),
            Err(_) => broken("read the headers"),
        },
        [
            job,
            tree,
            query,
            opened,
            base,
            findings,
            secrets,
            details,
            words,
            cause,
            lang,
        ] if job == REPORT => {
            let job = ReportJob {
                query,
                opened,
                base,
                findings,
                secrets: secrets == "1",
                details: details == "1",
                words,
                in_language: !lang.is_empty(),
                cause,
            };
            match Tree::decode(tree) {
                Ok(tree) => report(&tree, &job, environment).to_vec(),
                Err(_) => broken("write the report"),
            }
        }
        _ => broken("do that"),
    }
}

/// Reads a paste, and says what it shows as an HTML fragment with links to the guidance; the
/// links keep the page's other parameters (`query`), as links between steps do.
pub fn paste(rules: &Rules, tree: &Tree, text: &str, query: &str, words: &Words) -> String {
    let analysis = analyze::analyze(rules, text);
    findings_html(&analysis, rules, tree, query, words)
}

/// Which server answered a response, read from its status line and headers as a paste is: the
/// one that sent the error, else the innermost one in front of the application. Its id and
/// name, or nothing when the headers name none.
pub fn hop(rules: &Rules, response: &str) -> Vec<String> {
    let analysis = analyze::analyze(rules, response);
    let id = Some(analysis.gateway.as_str())
        .filter(|id| *id != "unknown")
        .or_else(|| {
            analysis
                .hops
                .iter()
                .rfind(|hop| hop.layer != Layer::App)
                .map(|hop| hop.component.as_str())
        });
    id.and_then(|id| rules.component(id))
        .map(|component| vec![component.id.clone(), component.name.clone()])
        .unwrap_or_default()
}

/// Why a file of `size` bytes named `name` is not read, as the findings' place shows it, in
/// `words`.
pub fn file_problem(name: &str, size: f64, words: &Catalogue<PanelMsg>) -> Option<String> {
    let size_in_mb = megabytes(size).to_string();
    let values = [("name", name), ("size", size_in_mb.as_str())];
    let problem = if size > FILE_LIMIT {
        PanelMsg::FileTooLarge
    } else if size == 0.0 {
        PanelMsg::FileEmpty
    } else {
        return None;
    };
    Some(failure(&words.fill(problem, &values)))
}

/// A reason a paste or a file was not read, as the findings' place shows it (escaped).
pub fn failure(why: &str) -> String {
    let mut html = Html::default();
    html.raw("<p class=\"load-error\" role=\"alert\">")
        .text(why)
        .raw("</p>");
    html.into_string()
}

/// How far the reading of file `name` has got, as the findings' place shows it meanwhile.
pub fn reading_progress(name: &str, done: f64, size: f64, words: &Catalogue<PanelMsg>) -> String {
    let (done_in_mb, size_in_mb) = (megabytes(done).to_string(), megabytes(size).to_string());
    let values = [
        ("name", name),
        ("done", done_in_mb.as_str()),
        ("size", size_in_mb.as_str()),
    ];
    let mut html = Html::default();
    html.raw("<p class=\"paste-reading\">")
        .text(&words.fill(PanelMsg::FileReading, &values))
        .raw(&format!(
            " <progress max=\"{}\" value=\"{}\"></progress></p>",
            size as u64, done as u64
        ));
    html.into_string()
}

/// A size in whole megabytes, rounded up.
fn megabytes(bytes: f64) -> u64 {
    (bytes / 1_048_576.0).ceil() as u64
}

/// Reads a file that comes in pieces (`next` gives the next one, `None` at its end), as
/// [`paste`] reads a text, in constant memory; `signatures`, `tree` and `query` as for `paste`.
pub fn paste_pieces(
    signatures: &str,
    tree: &str,
    query: &str,
    words: &Words,
    mut next: impl FnMut() -> Option<Vec<u8>>,
) -> String {
    let (Ok(rules), Ok(tree)) = (Rules::decode(signatures), Tree::decode(tree)) else {
        return failure(words.panels.text(PanelMsg::FileMismatch));
    };
    let matcher = analyze::scan::Matcher::new(&rules);
    let mut stream = analyze::Stream::new(&rules, &matcher);
    while let Some(piece) = next() {
        stream.feed(&piece);
    }
    findings_html(&stream.finish(), &rules, &tree, query, words)
}

/// The report panel's contents for the walk a page's query describes: the report as plain text
/// (shown), Markdown and JSON, with buttons that copy each and links that download them; and the
/// link that shares the step. `opened` is the query of the link that opened the guide, whose
/// left-out values the report explains; `base` is the page's address without its query; the
/// `secrets` and `details` flags (`"1"` or empty) are the reader's choices: to keep
/// secret-looking parts of the address, and to share the error's details with the step;
/// `words` are the page's panel words in their compact form (empty in English), in which the
/// panel's buttons are labelled; the report itself is in English, for support teams, unless
/// `in_language` (the reader's choice), when it is in those words and `tree` is the page's
/// language's.
pub struct ReportJob<'a> {
    pub query: &'a str,
    pub opened: &'a str,
    pub base: &'a str,
    pub findings: &'a str,
    pub secrets: bool,
    pub details: bool,
    pub words: &'a str,
    pub in_language: bool,
    /// What the cause a paste showed means, as the page says it in its language (an interface
    /// message, which the panels' words do not hold); empty for English.
    pub cause: &'a str,
}

impl ReportJob<'_> {
    /// The page's panel words (English where they cannot be read).
    fn words(&self) -> Catalogue<PanelMsg> {
        Catalogue::decode(self.words).unwrap_or_else(|_| Catalogue::english())
    }
}

/// The report's three texts and the share link, for `job`; `words` are its panel words, decoded
/// once for the report and the panel's buttons.
pub fn report_texts(
    tree: &Tree,
    job: &ReportJob,
    words: &Catalogue<PanelMsg>,
    environment: &Environment,
) -> ([String; 3], String) {
    let (walk, _) = Walk::from_query(tree, job.query);
    let context = LinkedError::from_query(job.query);
    let dropped = LinkedError::from_query(job.opened).notes;
    let findings = checks::decode_findings(job.findings);
    let link = |query: String| match query.is_empty() {
        true => job.base.to_string(),
        false => format!("{}?{query}", job.base),
    };
    let guide = link(walk.to_query(""));
    let shared = if job.details {
        let mut context = context.clone();
        if !job.secrets {
            context.url = context.url.as_deref().map(crate::linked_error::masked);
        }
        link(context.to_query(&walk.to_query("")))
    } else {
        guide.clone()
    };
    let english = Catalogue::english();
    let began = walk.began();
    let cause = match (&began.found, job.in_language && !job.cause.is_empty()) {
        (Some(_), true) => job.cause,
        (Some(found), false) => analyze::cause_meaning(&found.cause),
        (None, _) => "",
    };
    let report = Report {
        words: if job.in_language { words } else { &english },
        cause,
        created: &environment.created,
        timezone: &environment.timezone,
        user_agent: &environment.user_agent,
        link: &guide,
        content_version: &environment.content_version,
        context: &context,
        dropped: &dropped,
        began: (began, walk.first(tree)),
        answers: walk.answered(tree),
        findings: &findings,
        reached: walk.shown(tree),
        with_secrets: job.secrets,
    };
    ([report.text(), report.markdown(), report.json()], shared)
}

/// The report panel's markup for `job`: its actions and preview, then the share link.
pub fn report(tree: &Tree, job: &ReportJob, environment: &Environment) -> [String; 2] {
    let words = job.words();
    let ([text, markdown, json], shared) = report_texts(tree, job, &words, environment);
    let mut html = Html::default();
    html.raw("<div class=\"report-actions\">");
    for (form, label) in [
        ("report-text", PanelMsg::CopyText),
        ("report-markdown", PanelMsg::CopyMarkdown),
        ("report-json", PanelMsg::CopyJson),
    ] {
        html.raw(&format!(
            "<button type=\"button\" data-copy=\"{form}\" data-done=\""
        ))
        .text(words.text(PanelMsg::ReportCopied))
        .raw("\">")
        .text(words.text(label))
        .raw("</button>");
    }
    for (file, media_type, body, label) in [
        (
            "fix502-report.md",
            "text/markdown",
            &markdown,
            PanelMsg::DownloadMarkdown,
        ),
        (
            "fix502-report.json",
            "application/json",
            &json,
            PanelMsg::DownloadJson,
        ),
    ] {
        html.raw(&format!("<a class=\"button\" download=\"{file}\" href=\""))
            .text(&data_url(media_type, body))
            .raw("\">")
            .text(words.text(label))
            .raw("</a>");
    }
    html.raw("</div><pre class=\"report-preview\" id=\"report-text\" tabindex=\"0\">")
        .text(&text)
        .raw("</pre><pre hidden id=\"report-markdown\">")
        .text(&markdown)
        .raw("</pre><pre hidden id=\"report-json\">")
        .text(&json)
        .raw("</pre>");
    let mut share = Html::default();
    share
        .raw("<p class=\"share\"><input class=\"share-link\" id=\"report-share\" type=\"text\" readonly aria-label=\"")
        .text(words.text(PanelMsg::ShareLinkLabel))
        .raw("\" value=\"")
        .text(&shared)
        .raw("\"><button type=\"button\" data-copy=\"report-share\" data-done=\"")
        .text(words.text(PanelMsg::LinkCopied))
        .raw("\">")
        .text(words.text(PanelMsg::CopyLink))
        .raw("</button></p>");
    [html.into_string(), share.into_string()]
}

/// What the analysis found, as HTML in `words`: every value escaped, links only to steps of
/// the guide.
fn findings_html(
    analysis: &Analysis,
    rules: &Rules,
    tree: &Tree,
    query: &str,
    words: &Words,
) -> String {
    let panels = &words.panels;
    let t = |msg| panels.text(msg);
    let mut html = Html::default();
    let notes = |html: &mut Html| {
        for note in &analysis.notes {
            html.raw("<p class=\"paste-note\">")
                .text(&panels.say(note))
                .raw("</p>");
        }
    };
    if !analysis.error_shown {
        html.raw("<section class=\"paste-findings paste-none\" data-confidence=\"none\">");
        notes(&mut html);
        if analysis.notes.is_empty() {
            html.raw("<p>")
                .text(t(PanelMsg::PasteNothingMatches))
                .raw("</p>");
        }
        hops(&mut html, analysis, panels);
        html.raw("<p>")
            .text(t(PanelMsg::PasteAnswerInstead))
            .raw("</p></section>");
        return html.into_string();
    }
    // A finding's link opens its step as a walk that a paste began, saying what it found.
    let link = |node: &Option<String>, cause: &str| {
        let node = tree.node(node.as_deref()?)?;
        let found = Found {
            gateway: analysis.gateway.clone(),
            cause: cause.to_string(),
        };
        let walk = Walk::opened_at(node, How::Paste, Some(found));
        Some(format!("?{}", walk.to_query(query)))
    };
    let name = |id: &str| {
        rules
            .component(id)
            .map_or_else(|| id.to_string(), |c| c.name.clone())
    };
    let meaning = |cause: &str| words.interface.text(analyze::cause_message(cause));
    let not_shown = t(PanelMsg::PasteNotShown);
    let gateway = match (analysis.gateway.as_str(), &analysis.version) {
        ("unknown", _) => not_shown.to_string(),
        (id, Some(version)) => format!("{} {version}", name(id)),
        (id, None) => name(id),
    };
    let cause = match analysis.cause.as_str() {
        "unknown" => not_shown.to_string(),
        cause => panels.fill(
            PanelMsg::PasteCauseNamed,
            &[("meaning", meaning(cause)), ("cause", cause)],
        ),
    };
    let status = analysis.status.map_or(not_shown.into(), |s| s.to_string());
    // Medium says what is missing: the component, the reason, or that the component's own
    // error is not among the lines.
    let sure = t(
        match (
            analysis.confidence,
            analysis.gateway.as_str(),
            analysis.cause.as_str(),
        ) {
            (Confidence::High, ..) => PanelMsg::PasteSureHigh,
            (_, "unknown", _) => PanelMsg::PasteSureNoComponent,
            (_, _, "unknown") => PanelMsg::PasteSureNoCause,
            _ => PanelMsg::PasteSureNotOwnWords,
        },
    );
    html.raw(&format!(
        "<section class=\"paste-findings\" data-confidence=\"{}\"><h2>",
        analysis.confidence.name()
    ))
    .text(t(PanelMsg::PasteShows))
    .raw("</h2>");
    hops(&mut html, analysis, panels);
    html.raw("<dl>");
    let app = analysis.app_server.as_deref().map(name);
    for (label, class, value) in [
        (
            PanelMsg::PasteSentError,
            " class=\"paste-gateway\"",
            Some(gateway.as_str()),
        ),
        (
            PanelMsg::PasteBehindIt,
            " class=\"paste-app\"",
            app.as_deref(),
        ),
        (PanelMsg::PasteStatus, "", Some(status.as_str())),
        (
            PanelMsg::PasteCause,
            " class=\"paste-cause\"",
            Some(cause.as_str()),
        ),
        (PanelMsg::PasteSure, "", Some(sure)),
    ] {
        if let Some(value) = value {
            html.raw("<dt>")
                .text(t(label))
                .raw(&format!("</dt><dd{class}>"))
                .text(value)
                .raw("</dd>");
        }
    }
    html.raw("</dl>");
    notes(&mut html);
    if !analysis.requests.is_empty() {
        html.raw("<p>")
            .text(t(PanelMsg::PasteFailedRequests))
            .raw("</p><ul class=\"paste-requests\">");
        for request in analysis.requests.iter().take(5) {
            let status = match request.status {
                0 => request
                    .error
                    .clone()
                    .unwrap_or_else(|| t(PanelMsg::PasteNoResponse).into()),
                status => status.to_string(),
            };
            html.raw("<li><code>")
                .text(&format!("{} {}", request.method, request.url))
                .raw("</code> ")
                .text(&status);
            if let Some(wait) = request.wait_ms {
                let seconds = format!("{:.1}", wait / 1000.0);
                let after = panels.fill(PanelMsg::PasteAfterSeconds, &[("seconds", &seconds)]);
                html.text(&format!(" {after}"));
            }
            html.raw("</li>");
        }
        html.raw("</ul>");
    }
    if !analysis.request_ids.is_empty() {
        html.raw("<p>")
            .text(t(PanelMsg::PasteRequestIds))
            .raw("</p><ul>");
        // A name and its value are joined as the language joins them (French " : ",
        // Japanese "："), which is what the message says with nothing on either side.
        let joined = panels.fill(PanelMsg::ReportLabelled, &[("label", ""), ("value", "")]);
        for (kind, id) in &analysis.request_ids {
            // The kind is the catalogue's English: isolated, so that a right-to-left page
            // puts the colon after it, not before.
            html.raw("<li><bdi>")
                .text(kind)
                .raw("</bdi>")
                .text(&joined)
                .raw("<code>")
                .text(id)
                .raw("</code></li>");
        }
        html.raw("</ul>");
    }
    if !analysis.evidence.is_empty() {
        html.raw("<p>")
            .text(t(PanelMsg::PasteLines))
            .raw("</p><ul class=\"paste-evidence\">");
        for evidence in analysis.evidence.iter().take(5) {
            let line = panels.fill(
                PanelMsg::PasteLine,
                &[("number", &evidence.line.to_string())],
            );
            html.raw("<li><span class=\"paste-line\">")
                .text(&line)
                .raw("</span> <code>")
                .text(&evidence.text)
                .raw("</code></li>");
        }
        html.raw("</ul>");
    }
    if let Some(href) = link(&analysis.node, &analysis.cause) {
        html.link(
            "<p><a class=\"paste-go\" href=\"",
            &href,
            t(PanelMsg::PasteOpenGuidance),
        )
        .raw("</p>");
    }
    let also: Vec<(String, &str)> = analysis
        .also
        .iter()
        .filter_map(|(cause, node)| Some((link(node, cause)?, meaning(cause))))
        .collect();
    if !also.is_empty() {
        html.raw("<p>")
            .text(t(PanelMsg::PasteAlsoShows))
            .raw("</p><ul>");
        for (href, meaning) in also {
            html.link("<li><a href=\"", &href, meaning).raw("</li>");
        }
        html.raw("</ul>");
    }
    html.raw("</section>");
    html.into_string()
}

/// The hop chain as a small diagram: the browser, then each component the text shows, the one
/// that sent the error marked.
fn hops(html: &mut Html, analysis: &Analysis, words: &Catalogue<PanelMsg>) {
    if analysis.hops.is_empty() {
        return;
    }
    html.raw("<ol class=\"paste-hops\" aria-label=\"")
        .text(words.text(PanelMsg::HopsLabel))
        .raw("\"><li class=\"hop\">")
        .text(words.text(PanelMsg::HopBrowser))
        .raw("</li>");
    for hop in &analysis.hops {
        let class = if hop.failed { "hop hop-failed" } else { "hop" };
        html.raw(&format!(
            "<li class=\"{class}\" data-component=\"{}\">",
            hop.component
        ))
        .text(&hop.name);
        if let Some(version) = &hop.version {
            html.raw(" ").text(version);
        }
        if hop.failed {
            html.raw("<span class=\"hop-said\">")
                .text(words.text(PanelMsg::HopSentError))
                .raw("</span>");
        }
        for (kind, id) in &hop.request_ids {
            html.raw("<span class=\"hop-id\" title=\"")
                .text(kind)
                .raw("\"><code>")
                .text(id)
                .raw("</code></span>");
        }
        html.raw("</li>");
    }
    html.raw("</ol>");
}

// The tests read the JSON back with serde_json, a host-only dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn rules() -> Rules {
        crate::analyze::load::bundled()
    }

    fn tree() -> Tree {
        Tree::decode(&tree_text()).unwrap()
    }

    /// The tree and the rules as the build writes them beside the app, for the jobs that take
    /// them as text.
    fn tree_text() -> String {
        crate::content::fixture::real().encode()
    }

    fn signatures_text() -> String {
        rules().encode()
    }

    fn environment() -> Environment {
        Environment {
            created: "2026-11-22T05:50:12.000Z".into(),
            timezone: "UTC, UTC+00:00".into(),
            user_agent: "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0".into(),
            content_version: "0123".into(),
        }
    }

    fn args(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn a_paste_shows_the_gateway_the_cause_and_a_link_to_the_guidance() {
        let log = "2026/11/22 04:53:44 [error] 1234#0: *5 connect() failed (111: Connection refused) \
                   while connecting to upstream, client: 127.0.0.1, server: _, request: \"GET / HTTP/1.1\", \
                   upstream: \"http://127.0.0.1:9000/\"";
        let html = paste(
            &rules(),
            &tree(),
            &format!("<h1>502 Bad Gateway</h1>\n<center>nginx/1.22.1</center>\n{log}"),
            "?rid=abc&a=visitor-other-sites",
            &Words::english(),
        );
        assert!(html.contains("data-confidence=\"high\""), "{html}");
        assert!(
            html.contains("<dd class=\"paste-gateway\">nginx 1.22.1</dd>"),
            "{html}"
        );
        assert!(html.contains("(upstream-refused)"), "{html}");
        assert!(
            html.contains(
                "<a class=\"paste-go\" href=\"?rid=abc&amp;from=owner-nginx-refused&amp;by=paste&amp;found=nginx.upstream-refused\""
            ),
            "{html}"
        );
        assert!(
            html.contains("<code>2026/11/22 04:53:44 [error] 1234#0: *5 connect() failed (111: Connection refused)"),
            "{html}"
        );
    }

    #[test]
    fn pasted_markup_comes_back_as_text() {
        let html = paste(
            &rules(),
            &tree(),
            "<img src=x onerror=alert(1)> connect() failed (111: Connection refused) while connecting to upstream",
            "",
            &Words::english(),
        );
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt;"),
            "{html}"
        );
    }

    #[test]
    fn a_file_read_in_pieces_reads_as_the_same_text() {
        let (signatures, tree_text) = (signatures_text(), tree_text());
        let mut text = String::new();
        for i in 0..5000 {
            text.push_str(&format!("203.0.113.7 - - \"GET /{i} HTTP/1.1\" 200 512\n"));
        }
        text.push_str("2026/11/22 04:53:44 [error] 1234#0: *5 connect() failed (111: Connection refused) while connecting to upstream\n");
        let whole = paste(&rules(), &tree(), &text, "", &Words::english());
        let mut pieces = text.as_bytes().chunks(7919).map(<[u8]>::to_vec);
        assert_eq!(
            paste_pieces(&signatures, &tree_text, "", &Words::english(), || pieces
                .next()),
            whole
        );
        assert!(whole.contains("(upstream-refused)"), "{whole}");
        assert!(
            paste_pieces("nonsense", &tree_text, "", &Words::english(), || None)
                .contains("Reload the page")
        );
    }

    #[test]
    fn a_file_too_large_or_empty_is_not_read_and_progress_is_told() {
        let english = Catalogue::english();
        let large = file_problem("access<1>.log", 60.0 * 1024.0 * 1024.0, &english).unwrap();
        assert!(
            large.contains("“access&lt;1&gt;.log” is 60 MB; the guide reads files up to 50 MB."),
            "{large}"
        );
        assert!(
            file_problem("empty.har", 0.0, &english)
                .unwrap()
                .contains("is empty")
        );
        assert_eq!(file_problem("ok.har", 1000.0, &english), None);
        let progress = reading_progress("big.har", 3.0 * 1_048_576.0, 10.0 * 1_048_576.0, &english);
        assert!(
            progress.contains(
                "Reading “big.har”: 3 of 10 MB <progress max=\"10485760\" value=\"3145728\">"
            ),
            "{progress}"
        );
    }

    #[test]
    fn the_hop_diagram_and_the_list_for_support_show_each_request_id() {
        let html = paste(
            &rules(),
            &tree(),
            "HTTP/2 502\nserver: cloudflare\ncf-ray: 8a1b2c3d4e5f6789-AMS\n",
            "",
            &Words::english(),
        );
        assert!(
            html.contains("data-component=\"cloudflare\">Cloudflare<span class=\"hop-said\"> sent the error</span><span class=\"hop-id\" title=\"Cloudflare Ray ID\"><code>8a1b2c3d4e5f6789-AMS</code></span></li>"),
            "{html}"
        );
        // The kind is isolated, so that a right-to-left page keeps its colon after it.
        assert!(
            html.contains(
                "<li><bdi>Cloudflare Ray ID</bdi>: <code>8a1b2c3d4e5f6789-AMS</code></li>"
            ),
            "{html}"
        );
    }

    #[test]
    fn text_without_a_known_error_says_so() {
        assert!(paste(&rules(), &tree(), "hello", "", &Words::english()).contains("paste-none"));
    }

    #[test]
    fn a_request_id_is_joined_to_its_kind_as_the_page_s_language_joins_a_name_and_its_value() {
        use crate::i18n::{Lang, catalogue::Text};
        let words = Words {
            interface: Catalogue::english(),
            panels: Catalogue::new(
                Lang::Fr,
                [(
                    PanelMsg::ReportLabelled,
                    Text::Plain("{label} : {value}".into()),
                )],
            ),
        };
        let headers = "HTTP/2 502\nserver: cloudflare\ncf-ray: 8a1b2c3d4e5f6789-CDG\n";
        let html = paste(&rules(), &tree(), headers, "", &words);
        assert!(
            html.contains("<li><bdi>Cloudflare Ray ID</bdi> : <code>8a1b2c3d4e5f6789-CDG</code>"),
            "{html}"
        );
    }

    #[test]
    fn a_paste_s_findings_are_in_the_page_s_words_and_what_was_pasted_as_it_is() {
        use crate::i18n::{Lang, Msg, catalogue::Text};
        let plain = |text: &str| Text::Plain(text.into());
        let words = Words {
            interface: Catalogue::new(
                Lang::De,
                [(
                    Msg::CauseUpstreamRefused,
                    plain("niemand nahm die Verbindung an"),
                )],
            ),
            panels: Catalogue::new(
                Lang::De,
                [
                    (PanelMsg::PasteShows, plain("Was der Text zeigt")),
                    (PanelMsg::PasteCause, plain("Ursache")),
                    (PanelMsg::PasteCauseNamed, plain("{meaning} ({cause})")),
                    (PanelMsg::HopBrowser, plain("Browser <ihr>")),
                    (PanelMsg::PasteLine, plain("Zeile {number}")),
                    (PanelMsg::NoteNoGatewayError, plain("Kein Gateway-Fehler.")),
                ],
            ),
        };
        let log = "<center>nginx</center>\n2026/11/22 04:53:44 [error] 1#0: *5 connect() failed \
                   (111: Connection refused) while connecting to upstream";
        let html = paste(&rules(), &tree(), log, "", &words);
        for expected in [
            "<h2>Was der Text zeigt</h2>",
            "<dt>Ursache</dt><dd class=\"paste-cause\">niemand nahm die Verbindung an (upstream-refused)</dd>",
            "<li class=\"hop\">Browser &lt;ihr&gt;</li>",
            "<span class=\"paste-line\">Zeile 2</span> <code>2026/11/22 04:53:44 [error]",
            // English where the words lack one.
            "<dt>Sent the error</dt>",
        ] {
            assert!(html.contains(expected), "{expected:?} missing from {html}");
        }
        let none = paste(&rules(), &tree(), "hello", "", &words);
        assert!(
            none.contains("<p class=\"paste-note\">Kein Gateway-Fehler.</p>"),
            "{none}"
        );
    }

    #[test]
    fn the_report_job_reads_the_walk_the_context_and_the_findings() {
        let tree = tree();
        let walk = Walk::default()
            .choose(&tree, "visitor-other-sites")
            .unwrap();
        let query = walk.to_query("rid=abc-123&url=https%3A%2F%2Fshop.example%2F%3Ftoken%3Dx");
        let job = ReportJob {
            query: &query,
            opened: "?status=9999&rid=abc-123",
            base: "https://guide.example/",
            findings: "",
            secrets: false,
            details: true,
            words: "",
            in_language: false,
            cause: "",
        };
        let ([text, markdown, json], shared) =
            report_texts(&tree, &job, &Catalogue::english(), &environment());
        assert!(
            text.contains(
                "1. Who is seeing the 502 error? → I was visiting a website and it showed the error"
            ),
            "{text}"
        );
        assert!(
            text.contains("Failed address: https://shop.example/?token=***"),
            "{text}"
        );
        assert!(
            text.contains("Left out of the link: The link's “status” value"),
            "{text}"
        );
        assert!(
            text.contains("Guide: https://guide.example/?a=visitor-other-sites\n"),
            "{text}"
        );
        assert!(
            markdown.contains("- Request id: `abc-123 (from the error page)`"),
            "{markdown}"
        );
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["reached"]["id"], "visitor-other-sites");
        assert_eq!(value["context"]["url"], "https://shop.example/?token=***");
        assert_eq!(
            shared,
            "https://guide.example/?a=visitor-other-sites&url=https%3A%2F%2Fshop.example%2F%3Ftoken%3D%2A%2A%2A&rid=abc-123"
        );
        let plain = report_texts(
            &tree,
            &ReportJob {
                details: false,
                words: "",
                in_language: false,
                ..job
            },
            &Catalogue::english(),
            &environment(),
        )
        .1;
        assert_eq!(plain, "https://guide.example/?a=visitor-other-sites");
    }

    #[test]
    fn the_report_panel_holds_each_text_escaped_with_its_buttons() {
        let job = ReportJob {
            query: "a=visitor-other-sites&url=https%3A%2F%2Fshop.example%2F%3Cb%3E",
            opened: "",
            base: "https://guide.example/",
            findings: "",
            secrets: false,
            details: false,
            words: "",
            in_language: false,
            cause: "",
        };
        let result = run(
            &args(&[
                REPORT,
                &tree_text(),
                job.query,
                "",
                job.base,
                "",
                "",
                "",
                "",
                "",
                "",
            ]),
            &environment(),
        );
        let [panel, share] = result.as_slice() else {
            panic!("two fragments: {result:?}");
        };
        for expected in [
            "data-copy=\"report-text\"",
            "data-copy=\"report-markdown\"",
            "data-copy=\"report-json\"",
            "download=\"fix502-report.md\" href=\"data:text/markdown;charset=utf-8,%23%20502",
            "<pre class=\"report-preview\" id=\"report-text\" tabindex=\"0\">502 Bad Gateway: report for support\n",
            "Failed address: https://shop.example/&lt;b&gt;",
        ] {
            assert!(
                panel.contains(expected),
                "{expected:?} missing from {panel}"
            );
        }
        assert!(!panel.contains("<b>"), "{panel}");
        assert!(
            share.contains("value=\"https://guide.example/?a=visitor-other-sites\""),
            "{share}"
        );
    }

    #[test]
    fn the_report_panel_s_buttons_are_in_the_page_s_words_and_the_report_in_english() {
        use crate::i18n::{Lang, catalogue::Text};
        let german: Catalogue<PanelMsg> = Catalogue::new(
            Lang::De,
            [
                (PanelMsg::CopyLink, Text::Plain("Link kopieren".into())),
                (
                    PanelMsg::CopyText,
                    Text::Plain("Als Text <kopieren>".into()),
                ),
                (
                    PanelMsg::ReportTitle,
                    Text::Plain("502 Bad Gateway: Bericht für den Support".into()),
                ),
            ],
        );
        let query = "from=visitor-other-sites&by=paste&found=nginx.upstream-reset";
        let words = german.encode();
        let cause = "der Server dahinter hat die Verbindung zurückgesetzt";
        let job = [
            REPORT,
            &tree_text(),
            query,
            "?status=5020",
            "https://guide.example/",
            "",
            "",
            "",
        ];
        let result = run(
            &args(&[&job[..], &[words.as_str(), cause, ""]].concat()),
            &environment(),
        );
        let [panel, share] = result.as_slice() else {
            panic!("two fragments: {result:?}");
        };
        assert!(
            panel.contains(">Als Text &lt;kopieren&gt;</button>"),
            "{panel}"
        );
        assert!(
            panel.contains(">Copy as JSON</button>"),
            "English where the words lack one"
        );
        assert!(
            panel.contains(">502 Bad Gateway: report for support\n"),
            "{panel}"
        );
        assert!(share.contains(">Link kopieren</button>"), "{share}");
        // In English, the paste's cause is English whatever the page said, and so is why a
        // value of the link was left out.
        for english in [
            "which showed nginx: the upstream reset the connection.",
            "Left out of the link: The link&#39;s “status” value was left out: a status is a number from 100 to 599.",
        ] {
            assert!(panel.contains(english), "{english:?} missing from {panel}");
        }
        // As the reader chooses, the report itself in the page's words, the cause as the page
        // said it.
        let chosen = run(
            &args(&[&job[..], &[words.as_str(), cause, "de"]].concat()),
            &environment(),
        );
        assert!(
            chosen[0].contains(">502 Bad Gateway: Bericht für den Support\n"),
            "{}",
            chosen[0]
        );
        assert!(
            chosen[0].contains(&format!("which showed nginx: {cause}.")),
            "{}",
            chosen[0]
        );
    }

    #[test]
    fn the_hop_job_names_the_server_that_answered_from_status_and_headers() {
        let signatures = signatures_text();
        let hop = |response: &str| run(&args(&[HOP, response, &signatures]), &environment());
        let headers = |status: u16, pairs: &[(&str, &str)]| {
            let pairs: Vec<(String, String)> = pairs
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect();
            checks::response_text(status, &pairs)
        };
        // Cloudflare's own answer, and the origin's nginx passed on through Cloudflare.
        let cloudflare = headers(502, &[("server", "cloudflare"), ("cf-ray", "8a1b2c-AMS")]);
        assert_eq!(hop(&cloudflare), ["cloudflare", "Cloudflare"]);
        let through = headers(502, &[("server", "nginx/1.24.0"), ("cf-ray", "8a1b2c-AMS")]);
        assert_eq!(hop(&through)[0], "nginx");
        // Render answers behind Cloudflare's edge: its own header says so.
        let render = headers(
            502,
            &[
                ("server", "cloudflare"),
                ("rndr-id", "1234abcd-5678"),
                ("x-render-origin-server", "uvicorn"),
            ],
        );
        assert_eq!(hop(&render)[0], "render");
        for (header, id) in [
            (("fly-request-id", "01J4ABCD-ams"), "fly"),
            (("x-azure-ref", "20261122T030000Z-abc"), "azure-front-door"),
            (("via", "kong/3.4.2"), "kong"),
            (("x-railway-request-id", "abc"), "railway"),
        ] {
            assert_eq!(hop(&headers(502, &[header]))[0], id, "{header:?}");
        }
        // A working site still says who answers; headers that name nobody give nothing.
        assert_eq!(hop(&headers(200, &[("server", "nginx")]))[0], "nginx");
        assert!(hop(&headers(502, &[("content-type", "text/html")])).is_empty());
        // Every id it gives is one the site-hop check knows, and the check knows no other.
        let rules = rules();
        let ids: Vec<&str> = rules.components.iter().map(|c| c.id.as_str()).collect();
        let extra: Vec<&&str> = checks::HOP_OUTCOMES[..checks::HOP_OUTCOMES.len() - 2]
            .iter()
            .filter(|id| !ids.contains(id))
            .collect();
        assert!(extra.is_empty(), "not components: {extra:?}");
        for id in rules.components.iter().filter(|c| c.layer != Layer::App) {
            assert!(
                checks::Check::SiteHop.outcome(&id.id).is_some(),
                "{} is not a site-hop outcome: add it to checks::HOP_OUTCOMES",
                id.id
            );
        }
    }

    #[test]
    fn unknown_jobs_and_broken_files_say_so() {
        let said = run(&args(&["dance"]), &environment());
        assert_eq!(said.len(), 1);
        assert!(said[0].contains("could not do that"));
        let said = run(
            &args(&[HOP, "HTTP/1.1 502 Bad Gateway", "garbage\tline"]),
            &environment(),
        );
        assert!(said[0].contains("could not read the headers"), "{said:?}");
    }
}
