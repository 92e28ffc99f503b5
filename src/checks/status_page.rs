//! The status-page check: what the site's own status page (Atlassian Statuspage format) says.

use super::{Check, Finding, Verdict, said};
use crate::i18n::{PanelMsg, Said};

/// A Statuspage `summary.json` (or `status.json`), reduced to what matters here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StatusReport {
    /// `status.indicator`: none, minor, major or critical.
    pub indicator: String,
    /// `status.description`, e.g. "All Systems Operational".
    pub description: String,
    /// Name and status of each unresolved incident.
    pub incidents: Vec<(String, String)>,
}

/// The status-page check: what the page reports, or why it could not be read.
pub fn status_page(page: &str, report: Result<&StatusReport, &Said>) -> Finding {
    let finding = match report {
        Ok(report) if report.indicator == "none" && report.incidents.is_empty() => Finding::new(
            Check::StatusPage,
            "operational",
            Verdict::Ok,
            said(
                PanelMsg::StatusOperational,
                &[("description", &report.description)],
            ),
        ),
        Ok(report) => {
            let incidents: Vec<&str> = report
                .incidents
                .iter()
                .map(|(name, _)| name.as_str())
                .collect();
            let problem = said(
                PanelMsg::StatusIncident,
                &[
                    ("indicator", &report.indicator),
                    ("description", &report.description),
                ],
            );
            let finding = Finding::new(Check::StatusPage, "incident", Verdict::Problem, problem);
            if incidents.is_empty() {
                finding
            } else {
                let listed = incidents.join("; ");
                finding.and(said(PanelMsg::StatusIncidents, &[("incidents", &listed)]))
            }
        }
        Err(why) => Finding {
            link: Some((said(PanelMsg::OpenStatusPage, &[]), page.to_string())),
            ..Finding::new(
                Check::StatusPage,
                "unreadable",
                Verdict::Unknown,
                said(PanelMsg::StatusUnreadable, &[("page", page)]),
            )
            .and(why.clone())
        },
    };
    let mut finding = finding.detail(PanelMsg::DetailStatusPage, page);
    if let Ok(report) = report {
        finding = finding.detail(PanelMsg::DetailIndicator, &report.indicator);
        for (name, status) in &report.incidents {
            finding = finding.detail(PanelMsg::DetailIncident, format!("{name} ({status})"));
        }
    }
    finding
}
