//! The status-page check: what the site's own status page (Atlassian Statuspage format) says.

use super::{Check, Finding, Verdict};

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
pub fn status_page(page: &str, report: Result<&StatusReport, &str>) -> Finding {
    let finding = match report {
        Ok(report) if report.indicator == "none" && report.incidents.is_empty() => Finding::new(
            Check::StatusPage,
            "operational",
            Verdict::Ok,
            format!(
                "The status page reports no incident: “{}”.",
                report.description
            ),
        ),
        Ok(report) => {
            let incidents: Vec<&str> = report
                .incidents
                .iter()
                .map(|(name, _)| name.as_str())
                .collect();
            let listed = if incidents.is_empty() {
                String::new()
            } else {
                format!(" Current incidents: {}.", incidents.join("; "))
            };
            Finding::new(
                Check::StatusPage,
                "incident",
                Verdict::Problem,
                format!(
                    "The status page reports a problem ({}): “{}”.{listed}",
                    report.indicator, report.description
                ),
            )
        }
        Err(reason) => Finding {
            link: Some(("Open the status page".into(), page.to_string())),
            ..Finding::new(
                Check::StatusPage,
                "unreadable",
                Verdict::Unknown,
                format!(
                    "The status page can't be read from here ({reason}). Open it yourself: {page}"
                ),
            )
        },
    };
    let mut finding = finding.detail("status page", page);
    if let Ok(report) = report {
        finding = finding.detail("indicator", &report.indicator);
        for (name, status) in &report.incidents {
            finding = finding.detail("incident", format!("{name} ({status})"));
        }
    }
    finding
}
