//! What a check found, as evidence: a status, one plain sentence, and the raw details folded.

use crate::checks::Finding;
use leptos::prelude::*;

#[component]
pub fn FindingCard(finding: Finding) -> impl IntoView {
    let verdict = finding.verdict.name();
    let link = finding.link.map(|(label, href)| {
        view! { <p><a href=href target="_blank" rel="noopener noreferrer">{label}</a></p> }
    });
    let details = finding
        .details
        .into_iter()
        .map(|(name, value)| view! { <dt>{name}</dt><dd>{value}</dd> })
        .collect_view();
    view! {
        <div class=format!("finding finding-{verdict}") data-check=finding.check.name() data-outcome=finding.outcome>
            <p>
                <span class="finding-verdict">{verdict}</span>
                " "
                <span class="finding-summary">{finding.summary}</span>
            </p>
            {link}
            <details>
                <summary>"Details"</summary>
                <dl>{details}</dl>
            </details>
        </div>
    }
}
