// A busy year of exports for the import's timing test, written as the
// tools write them (the same shapes as core/examples/exports_bench.rs):
// 50,000 GitHub deployment objects of about 2 KB each (every one carries
// its creator's user object), 100 to a page, the pages one after another as
// `gh api --paginate` prints them; and 5,000 PagerDuty analytics incidents
// in pages of 1,000, one JSON document a line.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

/** 2026-01-01T00:00:00Z. */
const START = 1_767_225_600;

function stamp(t: number): string {
  return new Date(t * 1000).toISOString().slice(0, 19) + "Z";
}

/** A deterministic stream of numbers (xorshift), as the benchmark's. */
function rng(seed: bigint) {
  let s = seed;
  const mask = (1n << 64n) - 1n;
  return (n: number) => {
    s ^= (s << 13n) & mask;
    s ^= s >> 7n;
    s ^= (s << 17n) & mask;
    return Number(s % BigInt(n));
  };
}

function user(login: string) {
  const u = `https://api.github.com/users/${login}`;
  return {
    login, id: 5821, node_id: "MDQ6VXNlcjU4MjE=",
    avatar_url: "https://avatars.githubusercontent.com/u/5821?v=4", gravatar_id: "",
    url: u, html_url: `https://github.com/${login}`,
    followers_url: `${u}/followers`, following_url: `${u}/following{/other_user}`,
    gists_url: `${u}/gists{/gist_id}`, starred_url: `${u}/starred{/owner}{/repo}`,
    subscriptions_url: `${u}/subscriptions`, organizations_url: `${u}/orgs`,
    repos_url: `${u}/repos`, events_url: `${u}/events{/privacy}`,
    received_events_url: `${u}/received_events`, type: "User", user_view_type: "public", site_admin: false,
  };
}

function githubDeployments(n: number): string {
  const next = rng(0x9e3779b97f4a7c15n);
  const creator = user("octo-deployer");
  const pages: string[] = [];
  for (let first = 0; first < n; first += 100) {
    const objs = [];
    for (let k = first; k < Math.min(first + 100, n); k++) {
      const repo = k % 3 === 0 ? "search" : "shop";
      const env = k % 10 === 0 ? "staging" : "production";
      const base = `https://api.github.com/repos/acme/${repo}`;
      const at = START + k * 630 + next(300);
      objs.push({
        url: `${base}/deployments/${k}`, id: 1_000_000 + k, node_id: `DE_kwDOAcme${k}`,
        task: "deploy", original_environment: env, environment: env,
        description: "Deploy request from GitHub Actions", created_at: stamp(at), updated_at: stamp(at + 60),
        statuses_url: `${base}/deployments/${k}/statuses`, repository_url: base,
        creator, sha: next(2 ** 48).toString(16).padStart(40, "0"), ref: "main",
        payload: { web_url: `https://${repo}.acme.example` }, transient_environment: false,
        production_environment: env === "production", performed_via_github_app: null,
      });
    }
    pages.push(JSON.stringify(objs, null, 2));
  }
  return pages.join("");
}

function pagerduty(n: number): string {
  const next = rng(0x2545f4914f6cdd1dn);
  const lines: string[] = [];
  for (let first = 0; first < n; first += 1000) {
    const data = [];
    for (let k = first; k < Math.min(first + 1000, n); k++) {
      const at = START + k * 6300 + next(3000);
      const secs = 600 + next(20_000);
      data.push({
        id: `Q${String(k).padStart(6, "0")}`, incident_number: k, created_at: stamp(at), resolved_at: stamp(at + secs),
        updated_at: stamp(at + secs), status: "resolved", urgency: k % 4 === 0 ? "low" : "high",
        major: false, priority_name: k % 5 === 0 ? "P1" : "P3", priority_order: 1,
        service_name: k % 3 === 0 ? "search" : "shop", team_name: "Platform",
        description: "Error rate above threshold", seconds_to_resolve: secs, auto_resolved: false,
        acknowledgement_count: 1, assignment_count: 1, engaged_seconds: 600, escalation_count: 0,
        escalation_policy_name: "Primary", incident_type_name: "incident_default", total_notifications: 2,
      });
    }
    lines.push(JSON.stringify({ data, first: "", last: "", limit: 1000, more: true, order: "asc",
      order_by: "created_at", time_zone: "Etc/UTC" }));
  }
  return lines.join("\n") + "\n";
}

/** Writes the busy year's two files (once) and returns their paths. */
export function busyYear(): { deployments: string; incidents: string } {
  const dir = path.join(os.tmpdir(), "flywheel-busy-year");
  fs.mkdirSync(dir, { recursive: true });
  const deployments = path.join(dir, "github_deployments.json");
  const incidents = path.join(dir, "pagerduty_incidents.json");
  // Written under another name and renamed, so a run cut short never
  // leaves half a file for the next one.
  const write = (file: string, make: () => string) => {
    if (fs.existsSync(file)) return;
    fs.writeFileSync(`${file}.part`, make());
    fs.renameSync(`${file}.part`, file);
  };
  write(deployments, () => githubDeployments(50_000));
  write(incidents, () => pagerduty(5_000));
  return { deployments, incidents };
}
