import * as fs from "node:fs";
import * as path from "node:path";
import { expect, test } from "@playwright/test";
import { BaselinePage } from "./pages/baseline";
import { ImportSection } from "./pages/import";
import { busyYear } from "./exports-data";

// This file times work against the figures on a shared 2-core host
// whose speed varies about twofold minutes apart: a test that misses gets
// one more try (reported as flaky), and fails if both are slow.
test.describe.configure({ retries: 1 });

// The exports teams already have, dropped into the Import panel together:
// each recognised and said in words, the choices with their counts, every
// tie the rule made listed and one corrected, the figures following at
// once, then applied. Figures are core/tests/fixtures/exports/expected.py's
// ("github (no statuses) + pulls + pagerduty (high urgency)").

const fixtures = path.join(__dirname, "../../core/tests/fixtures/exports");

function fixture(name: string) {
  return { name, text: fs.readFileSync(path.join(fixtures, name), "utf8") };
}

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
});

test("deployments, pull requests and pages dropped together: chosen, tied, corrected, applied", async ({ page }) => {
  const importer = new ImportSection(page);
  const baseline = new BaselinePage(page);
  await importer.open();
  await importer.drop([
    fixture("github_deployments.json"),
    fixture("gh_pr_list.json"),
    fixture("pagerduty_analytics.json"),
  ]);

  // Each file recognised and said in words, with its duplicates merged.
  const deployments = importer.file("github_deployments.json");
  await expect(deployments).toContainText("GitHub deployments (REST API JSON): 12 deployments in 3 environments");
  await expect(deployments).toContainText("1 record repeated one already read (the same id) and counted once.");
  await expect(importer.file("gh_pr_list.json")).toContainText(
    "GitHub merged pull requests (gh pr list JSON): 8 changes",
  );
  const pages = importer.file("pagerduty_analytics.json");
  await expect(pages).toContainText("PagerDuty incidents (analytics API JSON): 8 incidents, 3 services");
  await expect(pages).toContainText("2 records repeated one already read (the same id) and counted once.");

  // Production and high urgency, with their counts: preselected; a tick
  // changes the figures at once.
  await expect(importer.choice("production (10)")).toBeChecked();
  await expect(importer.choice("staging (1)")).not.toBeChecked();
  await expect(importer.choice("high (7)")).toBeChecked();
  await expect(importer.choice("low (1)")).not.toBeChecked();
  const count = importer.row("Deployments").getByRole("cell").first();
  await expect(count).toHaveText("10");
  await importer.choice("staging (1)").check();
  await expect(count).toHaveText("11");
  await importer.choice("staging (1)").uncheck();
  await expect(count).toHaveText("10");
  await importer.choice("low (1)").check();
  await expect(page.getByText("1 incident left out: urgency not chosen.")).toHaveCount(0);
  await importer.choice("low (1)").uncheck();
  await expect(importer.choice("production (10)")).toBeChecked();
  await expect(importer.choice("high (7)")).toBeChecked();
  await expect(page.getByText("1 incident left out: urgency not chosen.")).toBeVisible();

  // The default 90 days reach past the data: said, and its span offered.
  await expect(page.getByText(/^The data covers 12 days of the 90 days chosen/)).toBeVisible();
  await page.getByRole("button", { name: "Use the data's span: 2026-03-02 – 2026-03-13" }).click();
  await expect(importer.row("Deployments")).toContainText("2026-03-02 – 2026-03-13 (12 days)");
  await expect(page.getByText(/^The data covers/)).toHaveCount(0);

  await expect(importer.row("Lead time for changes")).toContainText("median 25 hours · P85 33.4 hours");
  await expect(importer.row("Change failure rate")).toContainText("60%");
  await expect(importer.row("Change failure rate")).toContainText("6 of 10 deployments failed");
  await expect(importer.row("Failed deployment recovery time")).toContainText("median 47.5 minutes · P85 1.4 hours");
  // The join across files, and its approximation, in words.
  await expect(
    page.getByText(/5 joined to the first production deployment at or after their merge — an approximation/),
  ).toBeVisible();

  // Every tie the rule made is listed; Q1PD6 (payments, which no
  // deployment is of) went to 111 by the rule: moved to 110.
  const ties = page.getByRole("region", { name: "Incidents tied by the rule" });
  await expect(page.getByText(/^6 of 7 incidents were tied to a deployment by the rule/)).toBeVisible();
  await expect(page.getByText(/^Q1PD6 \(started 12 Mar 2026 10:00\) → deployment 111 to production, search,/)).toBeVisible();
  await expect(ties.getByRole("listitem")).toHaveCount(6);
  await importer.tie("Q1PD6").selectOption({ label: "110 at 11 Mar 2026 15:00 (production, shop)" });
  await expect(importer.row("Change failure rate")).toContainText("50%");
  await expect(importer.row("Change failure rate")).toContainText("5 of 10 deployments failed");
  await expect(importer.row("Failed deployment recovery time")).toContainText("median 1 hour · P85 9.2 hours");
  await expect(page.getByText(/^Q1PD6 .* → deployment 110 .*: moved there by you\.$/)).toBeVisible();

  // Nothing in the scenario changed until now.
  await expect(page.getByText("Measured from data", { exact: true })).toHaveCount(0);
  await importer.apply();
  await expect(page.getByRole("status").filter({ hasText: "Applied to the baseline" })).toBeVisible();
  await expect(baseline.field("Change failure rate")).toHaveValue("50");
  await expect(baseline.field("Lead time for changes")).toHaveValue("25");
  await expect(page.getByText("Measured from data", { exact: true })).toHaveCount(4);
  // TIERS
  await baseline.expectNoNonsense();
});

test("a busy year is recognised, read and computed in under 2 s, the page answering meanwhile", async ({ page }) => {
  test.setTimeout(180_000);
  const files = busyYear();
  const importer = new ImportSection(page);
  await importer.open();
  // Long tasks, and the longest wait of a 20 ms timer, while the files are
  // read: how long the page could not answer.
  await page.evaluate(() => {
    const w = window as unknown as { busy: { longest: number; gap: number; last: number; start: number } };
    w.busy = { longest: 0, gap: 0, last: performance.now(), start: 0 };
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.busy.longest = Math.max(w.busy.longest, e.duration);
    }).observe({ type: "longtask" });
    setInterval(() => {
      const now = performance.now();
      w.busy.gap = Math.max(w.busy.gap, now - w.busy.last);
      w.busy.last = now;
    }, 20);
    const input = document.getElementById("import-files") as HTMLInputElement;
    input.addEventListener("change", () => (w.busy.start = performance.now()), { capture: true });
  });
  const done = page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector(".import__timing")) {
            observer.disconnect();
            resolve(performance.now());
          }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      }),
  );
  await importer.filePicker().setInputFiles([files.deployments, files.incidents]);
  const end = await done;
  const busy = await page.evaluate(() => (window as unknown as { busy: { longest: number; gap: number; start: number } }).busy);
  const elapsed = end - busy.start;
  const reported = await importer.timing().innerText();
  console.log(
    `busy year (50,000 GitHub deployments, ${(fs.statSync(files.deployments).size / 1e6).toFixed(1)} MB, + 5,000 PagerDuty incidents): ` +
      `${Math.round(elapsed)} ms from choosing the files to the figures on screen; longest task ${Math.round(busy.longest)} ms, ` +
      `longest wait of a 20 ms timer ${Math.round(busy.gap)} ms; app reports "${reported}"`,
  );
  test.info().annotations.push({ type: "timing", description: `${Math.round(elapsed)} ms` });
  await expect(importer.file("github_deployments.json")).toContainText(
    "GitHub deployments (REST API JSON): 50000 deployments in 2 environments",
  );
  await expect(importer.file("pagerduty_incidents.json")).toContainText(
    "PagerDuty incidents (analytics API JSON): 5000 incidents, 2 services",
  );
  await expect(importer.row("Deployments")).toContainText("(90 days)");
  expect(elapsed).toBeLessThan(2000);
});
