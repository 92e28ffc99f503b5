//! Turns a node's Markdown body into HTML that is safe to put into the page.
//!
//! Content is written by help-desk staff, not vetted programmers, so the renderer trusts none of
//! it: raw HTML is shown as text, links and images may only use safe schemes (a `javascript:`
//! link keeps its text and loses the link), and links that leave the site open in a new tab with
//! `rel="noopener noreferrer"`.
//!
//! Two structures are the guide's own. A code block gets a Copy button and can be scrolled by
//! keyboard. A heading tagged for some readers (`### On a phone {.phone}`, `### Chrome or Edge
//! {.desktop .chrome .edge}`; the tags are [`crate::reader`]'s) starts a section that the page
//! opens first for those readers and folds for the others ([`crate::personal`]): consecutive
//! tagged headings of one level make a group of such sections, which the next heading of that
//! level or above ends.

use crate::reader;
use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, LinkType, Options, Parser, Tag, TagEnd, html,
};
use pulldown_cmark_escape::{escape_href, escape_html};

/// The parser's options: tables, strikethrough, and `{.tag}` attributes on headings.
pub const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES);

/// Opens a group of sections for readers; the page reorders the sections inside it.
pub const GROUP_START: &str = "<div class=\"for-group\">\n";
pub const GROUP_END: &str = "</div>\n";
/// Opens one section; its tags follow, then `">`.
pub const SECTION_START: &str = "<details class=\"for\" data-for=\"";
pub const SECTION_END: &str = "</details>\n";

/// Renders `markdown` to HTML: headings, lists, code blocks, tables, links, emphasis.
pub fn to_html(markdown: &str) -> String {
    to_html_copy_labelled(markdown, crate::i18n::Msg::Copy.english())
}

/// Renders `markdown` as [`to_html`] does, each code block's copy button labelled `copy` (the
/// word in the body's language).
pub fn to_html_copy_labelled(markdown: &str, copy: &str) -> String {
    let events = sections_and_code(safe_events(markdown), copy);
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events.into_iter());
    out
}

/// The reader tags among a heading's classes.
pub fn reader_tags<'a>(classes: &'a [CowStr<'a>]) -> Vec<&'a str> {
    classes
        .iter()
        .map(|class| class.as_ref())
        .filter(|class| reader::is_tag(class))
        .collect()
}

/// The parsed Markdown with raw HTML turned into text and unsafe links and images dropped.
fn safe_events(markdown: &str) -> Vec<Event<'_>> {
    // Whether each open link or image was kept, so its end tag can be kept or dropped with it.
    let mut open: Vec<bool> = Vec::new();
    Parser::new_ext(markdown, OPTIONS)
        .filter_map(move |event| match event {
            Event::Html(text) | Event::InlineHtml(text) => Some(Event::Text(text)),
            Event::Start(Tag::HtmlBlock) => Some(Event::Start(Tag::Paragraph)),
            Event::End(TagEnd::HtmlBlock) => Some(Event::End(TagEnd::Paragraph)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                let link = safe_url(&dest_url, link_type).map(|href| anchor(&href, &title));
                open.push(link.is_some());
                link.map(|html| Event::InlineHtml(html.into()))
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let kept = safe_url(&dest_url, link_type).is_some_and(|url| !is_external(&url));
                open.push(kept);
                kept.then_some(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }))
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if open.pop().unwrap_or(false) {
                    Some(event)
                } else {
                    None
                }
            }
            other => Some(other),
        })
        .collect()
}

/// Code blocks wrapped with their Copy button, and tagged headings turned into the sections
/// for readers (module docs).
fn sections_and_code<'a>(events: Vec<Event<'a>>, copy: &str) -> Vec<Event<'a>> {
    let html = |text: String| Event::Html(text.into());
    let mut out = Vec::with_capacity(events.len() + 8);
    // The heading level of the open group of sections, and whether a section's heading is open.
    let mut group: Option<HeadingLevel> = None;
    let mut in_section_heading = false;
    for event in events {
        match event {
            Event::Start(Tag::Heading { level, classes, .. }) => {
                let tags = reader_tags(&classes).join(" ");
                if let Some(open) = group.filter(|&open| level <= open) {
                    out.push(html(SECTION_END.into()));
                    if tags.is_empty() || level < open {
                        out.push(html(GROUP_END.into()));
                        group = None;
                    }
                }
                if tags.is_empty() || group.is_some_and(|open| level > open) {
                    out.push(Event::Start(Tag::Heading {
                        level,
                        id: None,
                        classes: Vec::new(),
                        attrs: Vec::new(),
                    }));
                    continue;
                }
                if group.is_none() {
                    out.push(html(GROUP_START.into()));
                    group = Some(level);
                }
                out.push(html(format!("{SECTION_START}{tags}\"><summary><{level}>")));
                in_section_heading = true;
            }
            Event::End(TagEnd::Heading(level)) if in_section_heading => {
                out.push(html(format!("</{level}></summary>\n")));
                in_section_heading = false;
            }
            Event::Start(Tag::CodeBlock(kind)) => {
                let mut open = String::from("<div class=\"code-block\"><pre tabindex=\"0\"><code");
                if let CodeBlockKind::Fenced(info) = kind
                    && let Some(language) = info.split_whitespace().next()
                {
                    open.push_str(" class=\"language-");
                    escape_html(&mut open, language).ok();
                    open.push('"');
                }
                open.push('>');
                out.push(html(open));
            }
            Event::End(TagEnd::CodeBlock) => {
                let mut close =
                    String::from("</code></pre><button type=\"button\" class=\"copy-code\">");
                escape_html(&mut close, copy).ok();
                close.push_str("</button></div>\n");
                out.push(html(close));
            }
            other => out.push(other),
        }
    }
    if group.is_some() {
        out.push(html(format!("{SECTION_END}{GROUP_END}")));
    }
    out
}

/// The URL if its scheme is one a guide may link to (http, https, mailto, tel, or none at all).
/// Browsers ignore tabs and newlines inside a scheme (`java\tscript:`), so those are removed
/// before looking at it.
fn safe_url(url: &CowStr<'_>, link_type: LinkType) -> Option<String> {
    let mut url: String = url
        .chars()
        .filter(|c| !c.is_ascii_whitespace() && !c.is_control())
        .collect();
    if link_type == LinkType::Email {
        url.insert_str(0, "mailto:");
    }
    let safe = match url.find([':', '/', '?', '#']) {
        Some(end) if url[end..].starts_with(':') => {
            let scheme = url[..end].to_ascii_lowercase();
            matches!(scheme.as_str(), "http" | "https" | "mailto" | "tel")
        }
        _ => true,
    };
    safe.then_some(url)
}

fn is_external(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    lower.starts_with("http:") || lower.starts_with("https:") || lower.starts_with("//")
}

fn anchor(href: &str, title: &str) -> String {
    let mut out = String::from("<a href=\"");
    escape_href(&mut out, href).ok();
    out.push('"');
    if !title.is_empty() {
        out.push_str(" title=\"");
        escape_html(&mut out, title).ok();
        out.push('"');
    }
    if is_external(href) {
        out.push_str(" target=\"_blank\" rel=\"noopener noreferrer\"");
    }
    out.push('>');
    out
}

#[cfg(test)]
mod tests {
    use super::{to_html, to_html_copy_labelled};

    #[test]
    fn a_code_block_s_copy_button_speaks_the_body_s_language() {
        let html = to_html_copy_labelled("```sh\nipconfig /flushdns\n```\n", "Kopieren & so");
        assert!(
            html.ends_with(
                "<button type=\"button\" class=\"copy-code\">Kopieren &amp; so</button></div>\n"
            ),
            "{html}"
        );
    }

    #[test]
    fn renders_the_structures_guidance_uses() {
        let html = to_html(
            "## Check the log\n\n1. Open it\n2. Search\n\n```nginx\nproxy_read_timeout 60s;\n```\n\n| Code | Meaning |\n|---|---|\n| 502 | Bad gateway |\n\nSee [the docs](https://nginx.org/).\n",
        );
        assert!(html.contains("<h2>Check the log</h2>"), "{html}");
        assert!(html.contains("<ol>\n<li>Open it</li>"), "{html}");
        assert!(
            html.contains(
                "<div class=\"code-block\"><pre tabindex=\"0\"><code class=\"language-nginx\">proxy_read_timeout 60s;\n</code></pre><button type=\"button\" class=\"copy-code\">Copy</button></div>"
            ),
            "{html}"
        );
        assert!(
            html.contains("<th>Code</th>") && html.contains("<td>Bad gateway</td>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"https://nginx.org/\" target=\"_blank\" rel=\"noopener noreferrer\">the docs</a>"), "{html}");
    }

    #[test]
    fn headings_tagged_for_readers_become_sections_in_a_group() {
        let html = to_html(
            "Intro\n\n## Clear it\n\n### On a phone {.phone}\n\nTap.\n\n### On a computer {.desktop .chrome}\n\nClick.\n\n#### Detail\n\nMore.\n\n### Afterwards\n\nDone.\n",
        );
        assert_eq!(
            html,
            "<p>Intro</p>\n<h2>Clear it</h2>\n<div class=\"for-group\">\n\
             <details class=\"for\" data-for=\"phone\"><summary><h3>On a phone</h3></summary>\n<p>Tap.</p>\n</details>\n\
             <details class=\"for\" data-for=\"desktop chrome\"><summary><h3>On a computer</h3></summary>\n<p>Click.</p>\n<h4>Detail</h4>\n<p>More.</p>\n</details>\n</div>\n\
             <h3>Afterwards</h3>\n<p>Done.</p>\n"
        );
        let ending =
            to_html("## Steps\n\n### Windows {.windows}\n\n```sh\nipconfig /flushdns\n```\n");
        assert!(ending.ends_with("</details>\n</div>\n"), "{ending}");
        let higher = to_html("### A {.phone}\n\nx\n\n## Next {.desktop}\n\ny\n");
        assert_eq!(higher.matches("for-group").count(), 2, "{higher}");
        assert_eq!(to_html("## Plain {.unknown}\n"), "<h2>Plain</h2>\n");
    }

    #[test]
    fn raw_html_is_shown_as_text() {
        let html = to_html("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(2)> there");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
        assert!(
            html.contains("&lt;img src=x onerror=alert(2)&gt;"),
            "{html}"
        );
    }

    #[test]
    fn dangerous_links_keep_their_text_and_lose_the_link() {
        for url in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java%09script:x",
            "data:text/html,<b>",
            "vbscript:x",
        ] {
            let html = to_html(&format!("[click me]({url}) and [ok](/relative)"));
            assert!(html.contains("click me"), "{url}: {html}");
            assert_eq!(html.matches("<a ").count(), 1, "{url}: {html}");
            assert!(
                html.contains("<a href=\"/relative\">ok</a>"),
                "{url}: {html}"
            );
        }
        let tabbed = to_html("[x](<java\tscript:alert(1)>)");
        assert!(!tabbed.contains("<a"), "{tabbed}");
    }

    #[test]
    fn internal_links_stay_in_the_tab_and_mail_links_work() {
        let html = to_html(
            "[next](?a=x) [mail](mailto:help@example.com) <help@example.com> <https://example.com>",
        );
        assert!(html.contains("<a href=\"?a=x\">next</a>"), "{html}");
        assert!(
            html.contains("<a href=\"mailto:help@example.com\">mail</a>"),
            "{html}"
        );
        assert!(
            html.contains("<a href=\"mailto:help@example.com\">help@example.com</a>"),
            "{html}"
        );
        assert!(html.contains("<a href=\"https://example.com\" target=\"_blank\" rel=\"noopener noreferrer\">https://example.com</a>"), "{html}");
    }

    #[test]
    fn only_same_site_images_are_loaded() {
        let html =
            to_html("![diagram](/assets/hops.svg) ![tracker](https://tracker.example/p.gif)");
        assert!(
            html.contains("<img src=\"/assets/hops.svg\" alt=\"diagram\""),
            "{html}"
        );
        assert!(!html.contains("tracker.example"), "{html}");
        assert!(html.contains("tracker"), "the alt text stays: {html}");
    }
}
