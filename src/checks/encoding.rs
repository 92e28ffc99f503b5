//! Findings as lines of text, the form they take between the page and its worker.

use super::{Check, Finding, Verdict};

/// Writes findings, each with the id of the question that ran it, as lines of tab-separated
/// fields (`F` a finding, `D` one of its details, `L` its link), for the page's worker.
pub fn encode_findings(findings: &[(String, Finding)]) -> String {
    let field = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    let mut out = String::new();
    for (question, f) in findings {
        let head = [
            "F",
            question,
            f.check.name(),
            f.outcome,
            f.verdict.name(),
            &f.summary,
        ];
        let details = f.details.iter().map(|(name, value)| ["D", name, value]);
        let link = f.link.iter().map(|(label, href)| ["L", label, href]);
        let lines = std::iter::once(head.to_vec()).chain(details.chain(link).map(|l| l.to_vec()));
        for line in lines {
            let line: Vec<String> = line.into_iter().map(field).collect();
            out.push_str(&line.join("\t"));
            out.push('\n');
        }
    }
    out
}

/// Reads what [`encode_findings`] wrote; lines it does not understand are skipped.
pub fn decode_findings(text: &str) -> Vec<(String, Finding)> {
    let mut findings: Vec<(String, Finding)> = Vec::new();
    for line in text.lines() {
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["F", question, check, outcome, verdict, summary] => {
                let Some(check) = Check::parse(check) else {
                    continue;
                };
                let (Some(outcome), Some(verdict)) =
                    (check.outcome(outcome), Verdict::parse(verdict))
                else {
                    continue;
                };
                let finding = Finding::new(check, outcome, verdict, summary.to_string());
                findings.push((question.to_string(), finding));
            }
            ["D", name, value] => {
                if let Some((_, finding)) = findings.last_mut() {
                    finding.details.push((name.to_string(), value.to_string()));
                }
            }
            ["L", label, href] => {
                if let Some((_, finding)) = findings.last_mut() {
                    finding.link = Some((label.to_string(), href.to_string()));
                }
            }
            _ => {}
        }
    }
    findings
}
