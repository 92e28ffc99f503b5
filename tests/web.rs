//! Browser tests, run by wasm-bindgen-test in headless Chromium: what guidance Markdown becomes
//! in a real DOM through the app's renderer and body component (hostile Markdown included), and
//! the walk read from and written to the address bar.
#![cfg(target_arch = "wasm32")]

use fix502::app::{BodyHtml, location, take_in_tree};
use fix502::content::Tree;
use fix502::engine::{Problem, Walk};
use fix502::markdown;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// A small tree in the form the app takes in from `content/tree.txt`: the start, the owner's
/// first question and two steps after it.
const TREE: &str = "\
V\t0123456789abcdef
N\tstart\tquestion\teveryone\tstart.md\t-\t-\t2\t-\tWho is seeing the 502 error?
A\towner-site-check\t-\tI run or develop the site that shows it
N\towner-site-check\tquestion\towner\towner/owner-site-check.md\t-\t-\t1\tstart\tDoes the site answer?
A\towner-gateway\t-\tWith a 502 page
A\towner-cdn\t-\tThrough a CDN
N\towner-gateway\tguidance\towner\towner/owner-gateway.md\tb\t-\t0\towner-site-check\tWhich gateway?
N\towner-cdn\tguidance\towner\towner/owner-cdn.md\tb\t-\t0\towner-site-check\tThe CDN
";

fn tree() -> &'static Tree {
    take_in_tree(TREE).expect("the test's tree decodes");
    fix502::app::tree()
}

/// Renders `source` as the build does and mounts it with the app's body component into a fresh
/// element, which it returns.
fn rendered(source: &'static str) -> Element {
    let host: HtmlElement = document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&host).unwrap();
    leptos::mount::mount_to(
        host.clone(),
        move || view! { <BodyHtml html=markdown::to_html(source)/> },
    )
    .forget();
    host.into()
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn attribute(root: &Element, selector: &str, name: &str) -> Option<String> {
    root.query_selector(selector).unwrap()?.get_attribute(name)
}

#[wasm_bindgen_test]
fn markdown_becomes_headings_lists_code_tables_and_links() {
    let root = rendered(
        "## Check the log\n\n- one\n- two\n\n```sh\nsudo tail /var/log/nginx/error.log\n```\n\n| A | B |\n|---|---|\n| 1 | 2 |\n\n[nginx docs](https://nginx.org/) and [next step](?a=owner-log)\n",
    );
    assert_eq!(
        root.query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "Check the log"
    );
    assert_eq!(count(&root, "ul > li"), 2);
    assert_eq!(
        root.query_selector("pre > code.language-sh")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "sudo tail /var/log/nginx/error.log\n"
    );
    assert_eq!((count(&root, "table th"), count(&root, "table td")), (2, 2));
    assert_eq!(
        attribute(&root, "a[href^='https']", "rel").as_deref(),
        Some("noopener noreferrer")
    );
    assert_eq!(
        attribute(&root, "a[href^='https']", "target").as_deref(),
        Some("_blank")
    );
    assert_eq!(
        attribute(&root, "a[href^='?']", "rel"),
        None,
        "links within the guide stay plain"
    );
}

#[wasm_bindgen_test]
fn raw_html_in_markdown_is_shown_as_text_and_never_runs() {
    let root = rendered(
        "<script>window.fix502Pwned = 1</script>\n\nInline <img src=x onerror=\"window.fix502Pwned = 2\"> and <b onclick=x>bold</b>\n",
    );
    assert_eq!(count(&root, "script, img, b, [onerror], [onclick]"), 0);
    let text = root.text_content().unwrap();
    assert!(
        text.contains("<script>window.fix502Pwned = 1</script>"),
        "{text}"
    );
    assert!(
        text.contains("<img src=x onerror=\"window.fix502Pwned = 2\">"),
        "{text}"
    );
    let pwned = js_sys::Reflect::get(&window(), &JsValue::from_str("fix502Pwned")).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
fn javascript_links_are_dropped_but_their_text_stays() {
    let root = rendered(
        "[click](javascript:alert(1)) [also](JAVASCRIPT:alert(1)) [data](data:text/html,x) [fine](/help)",
    );
    assert_eq!(count(&root, "a"), 1);
    assert_eq!(attribute(&root, "a", "href").as_deref(), Some("/help"));
    let text = root.text_content().unwrap();
    assert!(
        text.contains("click") && text.contains("also") && text.contains("data"),
        "{text}"
    );
}

fn set_search(search: &str) {
    let url = format!("{}{search}", window().location().pathname().unwrap());
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&url))
        .unwrap();
}

#[wasm_bindgen_test]
fn the_walk_is_written_to_the_address_bar_keeping_other_parameters() {
    set_search("?url=https%3A%2F%2Fshop.example%2F&rid=abc");
    let length_before = window().history().unwrap().length().unwrap();
    let walk = Walk::default()
        .choose(tree(), "owner-site-check")
        .unwrap()
        .choose(tree(), "owner-gateway")
        .unwrap();
    location::push(&walk);
    assert_eq!(
        window().location().search().unwrap(),
        "?url=https%3A%2F%2Fshop.example%2F&rid=abc&a=owner-site-check.owner-gateway"
    );
    assert_eq!(
        window().history().unwrap().length().unwrap(),
        length_before + 1,
        "one history entry per step"
    );
    assert_eq!(location::read(), (walk, None));
}

#[wasm_bindgen_test]
fn the_walk_is_read_from_the_address_bar_up_to_its_last_valid_step() {
    set_search("?a=owner-site-check.no-such-step.owner-cdn");
    let (walk, problem) = location::read();
    assert_eq!(walk.shown(tree()).id, "owner-site-check");
    assert_eq!(
        problem,
        Some(Problem::UnknownNode {
            given: "no-such-step".into()
        })
    );

    location::replace(&Walk::default());
    assert_eq!(window().location().search().unwrap(), "");
}

/// The check functions against what the test page itself can reach: its own server, and a
/// loopback port where nothing listens.
mod checks {
    use fix502::app::probe;
    use fix502::checks::{Check, site};
    use fix502::i18n::{PanelMsg, Said};
    use leptos::prelude::window;
    use wasm_bindgen_test::*;
    use web_sys::AbortController;

    fn own_page() -> String {
        window().location().href().unwrap()
    }

    #[wasm_bindgen_test]
    async fn the_online_check_reaches_the_page_server() {
        let never = AbortController::new().unwrap();
        let (finding, _) = probe::run(Check::Online, None, &[], &never.signal())
            .await
            .unwrap();
        assert_eq!(finding.outcome, "online");
    }

    #[wasm_bindgen_test]
    async fn same_origin_status_and_headers_are_readable() {
        let never = AbortController::new().unwrap();
        let page = site(&own_page()).unwrap();
        let (finding, _) = probe::run(Check::SiteStatus, Some(&page), &[], &never.signal())
            .await
            .unwrap();
        assert_ne!(finding.outcome, "hidden", "{finding:?}");
        // The status is read, not hidden behind an opaque answer.
        let status = Said::new(PanelMsg::DetailStatus, &[]);
        assert!(
            finding
                .details
                .iter()
                .any(|(name, value)| *name == status && matches!(value, Said::Verbatim(_)))
        );
    }

    #[wasm_bindgen_test]
    async fn nothing_listening_is_no_answer() {
        let never = AbortController::new().unwrap();
        let closed = site("http://127.0.0.1:9/").unwrap();
        let (finding, _) = probe::run(Check::SiteAnswers, Some(&closed), &[], &never.signal())
            .await
            .unwrap();
        assert_eq!(finding.outcome, "no-answer");
    }

    #[wasm_bindgen_test]
    async fn a_cancelled_check_stops_at_once_without_claiming_a_timeout() {
        let cancel = AbortController::new().unwrap();
        cancel.abort();
        let started = js_sys::Date::now();
        let page = site(&own_page()).unwrap();
        let (finding, _) = probe::run(Check::SiteAnswers, Some(&page), &[], &cancel.signal())
            .await
            .unwrap();
        assert!(js_sys::Date::now() - started < 1000.0);
        assert_eq!(finding.outcome, "no-answer");
    }

    #[wasm_bindgen_test]
    async fn an_unreachable_resolver_is_reported_as_such() {
        let never = AbortController::new().unwrap();
        let page = site("http://shop.example/").unwrap();
        let resolvers = ["http://127.0.0.1:9/dns-query".to_string()];
        let (finding, _) = probe::run(Check::Dns, Some(&page), &resolvers, &never.signal())
            .await
            .unwrap();
        assert_eq!(finding.outcome, "no-resolver");
    }

    #[wasm_bindgen_test]
    async fn an_address_typed_without_its_scheme_is_tried_over_http_when_https_fails() {
        let never = AbortController::new().unwrap();
        let typed = own_page().replacen("http://", "", 1);
        let guessed = site(&typed).unwrap();
        assert!(guessed.url.starts_with("https://"));
        let (finding, answered_at) =
            probe::run(Check::SiteAnswers, Some(&guessed), &[], &never.signal())
                .await
                .unwrap();
        assert_eq!(finding.outcome, "answered");
        assert!(
            [PanelMsg::OverHttp, PanelMsg::OverHttpLate]
                .iter()
                .any(|over_http| finding.summary.contains(&Said::new(*over_http, &[]))),
            "{finding:?}"
        );
        assert_eq!(answered_at, Some(format!("http://{typed}")));
    }
}
