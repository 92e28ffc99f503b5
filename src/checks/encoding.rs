//! Findings as lines of text, the form they take between the page and its worker.

use super::{Check, Finding, Verdict};
use crate::i18n::Said;

/// Writes findings, each with the id of the question that ran it, as lines of tab-separated
/// fields (`F` a finding and its sentences, `D` one of its details, `L` its link), what they
/// say in its compact form ([`Said::encode`]), for the page's worker.
pub fn encode_findings(findings: &[(String, Finding)]) -> String {
    let field = |text: &str| text.replace(['\t', '\n', '\r'], " ");
    let mut lines: Vec<Vec<String>> = Vec::new();
    for (question, f) in findings {
        let head = ["F", question, f.check.name(), f.outcome, f.verdict.name()];
        let summary = f.summary.iter().map(Said::encode);
        lines.push(head.into_iter().map(field).chain(summary).collect());
        for (name, value) in &f.details {
            lines.push(vec!["D".into(), name.encode(), value.encode()]);
        }
        if let Some((label, href)) = &f.link {
            lines.push(vec!["L".into(), label.encode(), field(href)]);
        }
    }
    let mut out = String::new();
    for line in lines {
        out.push_str(&line.join("\t"));
        out.push('\n');
    }
    out
}

/// Reads what [`encode_findings`] wrote; lines it does not understand are skipped.
pub fn decode_findings(text: &str) -> Vec<(String, Finding)> {
    let mut findings: Vec<(String, Finding)> = Vec::new();
    for line in text.lines() {
        match line.split('\t').collect::<Vec<_>>().as_slice() {
            ["F", question, check, outcome, verdict, summary @ ..] => {
                let Some(check) = Check::parse(check) else {
                    continue;
                };
                let (Some(outcome), Some(verdict)) =
                    (check.outcome(outcome), Verdict::parse(verdict))
                else {
                    continue;
                };
                let finding = Finding {
                    summary: summary
                        .iter()
                        .filter_map(|said| Said::decode(said))
                        .collect(),
                    ..Finding::new(check, outcome, verdict, Said::verbatim(""))
                };
                findings.push((question.to_string(), finding));
            }
            ["D", name, value] => {
                if let (Some((_, finding)), Some(name), Some(value)) =
                    (findings.last_mut(), Said::decode(name), Said::decode(value))
                {
                    finding.details.push((name, value));
                }
            }
            ["L", label, href] => {
                if let (Some((_, finding)), Some(label)) =
                    (findings.last_mut(), Said::decode(label))
                {
                    finding.link = Some((label, href.to_string()));
                }
            }
            _ => {}
        }
    }
    findings
}
