//! Recognising a file's shape: from the keys of a JSON file's first
//! records, a CSV's headers, or a git log's first line.

use super::json::Layout;
use super::shape::Shape;
use super::sniff::Sniffed;

/// The shape of a JSON file from its first records' keys, and where its
/// records sit.
pub fn recognise_json(s: &Sniffed) -> Option<(Shape, Layout)> {
    let shape = if s.wrapper == Some("workflow_runs")
        || (s.has("head_sha") && s.any(&["run_number", "workflow_id", "run_started_at"]))
    {
        Shape::GithubRunsRest
    } else if s.any(&["databaseId", "workflowName", "headSha"]) && s.any(&["conclusion", "status"])
    {
        Shape::GithubRunsCli
    } else if s.any(&["mergedAt", "mergeCommit"])
        || (s.has("number") && s.has("commits") && s.any(&["baseRefName", "headRefName"]))
    {
        Shape::GithubPulls
    } else if s.has("deployment_url") && s.has("state") {
        Shape::GithubDeploymentStatuses
    } else if s.has("sha") && s.any(&["iid", "deployable"]) {
        Shape::GitlabDeployments
    } else if s.has("date")
        && s.any(&[
            "value",
            "deployment_frequency",
            "lead_time_for_changes",
            "time_to_restore_service",
            "change_failure_rate",
        ])
    {
        Shape::GitlabDora
    } else if s.has("deploy_id") {
        Shape::FourKeysDeployments
    } else if s.has("change_id") {
        Shape::FourKeysChanges
    } else if s.has("incident_id") && s.has("time_created") {
        Shape::FourKeysIncidents
    } else if s.any(&["pipeline_id", "deployment_commits", "deploymentCommits"])
        || (s.has("commit_sha") && s.has("repo_url"))
    {
        Shape::DevlakeDeployments
    } else if s.any(&["issue_key", "issueKey"]) {
        Shape::DevlakeIssues
    } else if s.has("created_on") && s.has("seconds_to_resolve") {
        Shape::PagerdutyLegacy
    } else if s.has("seconds_to_resolve") || (s.has("urgency") && s.has("service_name")) {
        Shape::PagerdutyAnalytics
    } else if s.has("incident_number") && s.has("urgency") {
        Shape::PagerdutyRest
    } else if s.any(&["tinyId", "impactStartDate", "impact_start_date", "tiny_id"]) {
        Shape::Opsgenie
    } else if s.has("reference") && s.any(&["mode", "incident_status", "severity"]) {
        Shape::IncidentIo
    } else if s.has("sha") && s.has("environment") && s.has("created_at") {
        Shape::GithubDeployments
    } else {
        return None;
    };
    let layout = s.wrapper.map_or(Layout::Plain, Layout::Wrapped);
    Some((shape, layout))
}

/// A header as shapes compare it: lower case, every run of other
/// characters one underscore ("Issue key" → `issue_key`, "Component/s" →
/// `component_s`).
pub fn norm(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for c in header.trim().chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    while out.ends_with('_') {
        out.pop();
    }
    out
}

/// The shape of a CSV file from its headers.
pub fn recognise_csv(headers: &[String]) -> Shape {
    let h: Vec<String> = headers.iter().map(|h| norm(h)).collect();
    let has = |k: &str| h.iter().any(|x| x == k);
    let any = |ks: &[&str]| ks.iter().any(|k| has(k));
    if has("issue_key") && has("issue_type") {
        Shape::Jira
    } else if has("created_on") && has("seconds_to_resolve") {
        Shape::PagerdutyLegacy
    } else if has("urgency") && any(&["incident_number", "seconds_to_resolve", "service_name"]) {
        Shape::PagerdutyAnalytics
    } else if any(&["tinyid", "tiny_id", "impact_start_date", "impactstartdate"]) {
        Shape::Opsgenie
    } else if has("reference") && any(&["mode", "severity"]) {
        Shape::IncidentIo
    } else if has("deploy_id") && has("time_created") {
        Shape::FourKeysDeployments
    } else if has("change_id") && has("time_created") {
        Shape::FourKeysChanges
    } else if has("incident_id") && has("time_created") {
        Shape::FourKeysIncidents
    } else if has("deployed_at") {
        Shape::FlywheelDeployments
    } else if has("started_at") && has("resolved_at") {
        Shape::FlywheelIncidents
    } else {
        Shape::UnknownCsv
    }
}

/// Whether text is `git log` output: its first line names a commit by a
/// hexadecimal hash.
pub fn is_git_log(text: &str) -> bool {
    let first = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .lines()
        .next();
    first.is_some_and(|line| {
        line.strip_prefix("commit ").is_some_and(|rest| {
            let hash = rest.split_whitespace().next().unwrap_or("");
            hash.len() >= 7 && hash.bytes().all(|b| b.is_ascii_hexdigit())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_normalise_and_recognise() {
        assert_eq!(norm(" Issue key "), "issue_key");
        assert_eq!(norm("Component/s"), "component_s");
        assert_eq!(norm("Custom field (Severity)"), "custom_field_severity");
        let h = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            recognise_csv(&h(&["Summary", "Issue key", "Issue Type"])),
            Shape::Jira
        );
        assert_eq!(
            recognise_csv(&h(&["id", "deployed_at"])),
            Shape::FlywheelDeployments
        );
        assert_eq!(recognise_csv(&h(&["when", "what"])), Shape::UnknownCsv);
        assert!(is_git_log("commit 0123abcd 2026-03-01T10:00:00Z\n"));
        assert!(!is_git_log("committed,yes\n"));
    }
}
