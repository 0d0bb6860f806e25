import { expect, test } from "@playwright/test";
import { BaselinePage } from "./pages/baseline";
import { GoalsPage } from "./pages/goals";
import { daysAgo, daysAgoAtTen, patchSaved } from "./pages/saved";

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("the report summarises tiers, goals with chances, outlook, budget and assumptions, and prints clean", async ({ page, browser }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await baseline.fill("Change failure rate", "4");
  await page.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Report" })).toBeVisible();
  await expect(page.locator(".report__team")).toHaveText("Payments API");
  const standing = page.getByRole("table", { name: /Baseline against DORA's \d{4} tiers/ });
  await expect(standing.getByRole("row").filter({ hasText: "Change failure rate" })).toContainText("Elite");
  await expect(page.getByRole("heading", { name: /Outlook under “Kaizen”/ })).toBeVisible();
  await expect(page.locator(".report__chart svg")).toHaveCount(5);
  await expect(page.locator(".report__chart .chart__legend").first()).toContainText("P10–P90 band");
  await expect(page.getByRole("region", { name: "Error budget" })).toContainText("a budget of 43.2 minutes");
  await expect(page.getByRole("region", { name: "Assumptions" })).toContainText(/10,000 trials over 52 weeks, seed \d+/);
  await expect(page.locator("main").locator("input, select, textarea")).toHaveCount(0);

  // Printing hides the app's chrome and controls and keeps the charts.
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".app-header")).toBeHidden();
  await expect(page.getByRole("button", { name: "Print or save as PDF" })).toBeHidden();
  await expect(page.locator(".report__chart svg").first()).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  // The report has its own link, which opens the same report elsewhere.
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByRole("textbox", { name: "Link to this scenario and screen" }).inputValue();
  expect(link).toContain("#/report?s=3.");
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: "Report" })).toBeVisible();
  await expect(other.locator(".report__team")).toHaveText("Payments API");
  await fresh.close();
});

test("goals appear in the report with the simulation's chance", async ({ page }) => {
  const goals = new GoalsPage(page);
  await goals.open();
  await goals.add("Operational", "Ship changes within three days");
  await page.getByRole("link", { name: "Report", exact: true }).click();
  const row = page.getByRole("row").filter({ hasText: "Operational: Ship changes within three days" });
  await expect(row).toBeVisible();
  await expect(row).toContainText(/Not simulated|\d+%/);
});

/** Pages in a PDF Chromium wrote: one `/Type /Page` object each. */
function pageCount(pdf: Buffer): number {
  return (pdf.toString("latin1").match(/\/Type\s*\/Page(?![a-z])/g) ?? []).length;
}

test("every chart is titled with its metric and unit, and a short report prints on at most three A4 pages", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await page.getByRole("link", { name: "Report", exact: true }).click();
  await expect(page.locator(".report__chart svg")).toHaveCount(5);
  await expect(page.locator(".report__chart .chart__title")).toHaveText([
    "Deployment frequency (deploys per month): median and P10–P90 band",
    "Lead time for changes (days): median and P10–P90 band",
    "Change failure rate (%): median and P10–P90 band",
    "Failed deployment recovery time (hours): median and P10–P90 band",
    "Rework rate (%): median and P10–P90 band",
  ]);
  for (const title of await page.locator(".report__chart .chart__title").all()) {
    await expect(title).toBeVisible();
  }

  await page.emulateMedia({ media: "print" });
  // Titles print too, and the charts sit two to a row.
  await expect(page.locator(".report__chart .chart__title").first()).toBeVisible();
  const boxes = await page.locator(".report__chart").evaluateAll((charts) =>
    charts.map((c) => c.getBoundingClientRect().top),
  );
  expect(boxes[0]).toBe(boxes[1]);
  expect(boxes[2]).toBe(boxes[3]);
  const pdf = await page.pdf({ format: "A4", printBackground: false });
  const pages = pageCount(pdf);
  console.log(`Report PDF: ${pages} A4 pages`);
  expect(pages).toBeGreaterThanOrEqual(1);
  expect(pages).toBeLessThanOrEqual(3);
  await page.emulateMedia({ media: "screen" });
});

test("the report reads the baseline under the chosen lens: 2025 scores with historical tiers, or the tiers alone", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await page.getByRole("link", { name: "Report", exact: true }).click();
  const standing = page.getByRole("region", { name: "Where we stand" });
  await expect(standing).toContainText("Read under the 2025 scores: the lens chosen for this scenario.");
  const scores = page.getByRole("table", { name: "Baseline against DORA's 2025 scores for all respondents" });
  await expect(scores.getByRole("row").filter({ hasText: "Overall performance" })).toContainText(/\d\.\d/);
  await expect(scores.getByRole("row").filter({ hasText: "Change failure rate" })).toContainText(/about the \d+(st|nd|rd|th) percentile/);
  await expect(page.getByRole("heading", { name: "DORA's historical tiers" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Baseline against DORA's 2024 tiers (historical)" })).toBeVisible();

  // Saved work from before the choice reads through the tiers alone.
  await patchSaved(page, { lens: "Tiers", edition: "Y2023" });
  await expect(standing).toContainText("Read under DORA's 2023 tiers (historical)");
  await expect(page.getByRole("table", { name: /2025 scores/ })).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Baseline against DORA's 2023 tiers (historical)" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Assumptions" })).toContainText("Where we stand is read under DORA's 2023 tiers (historical).");
});

test("churn and defect escape are judged as on Baseline; an overspent budget says so, with its cost; the freeze's part is stated", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await patchSaved(page, {
    baseline: { code_churn: 30, defect_escape_rate: 4 },
    slo: {
      window_start: daysAgo(3),
      incidents: [{ start: daysAgoAtTen(2), minutes: 66.5, share: 100 }],
      cost: { amount: 10, currency: "EUR" },
      policy: { freeze: true },
    },
    simulation: { apply_freeze: true },
  });
  await page.getByRole("link", { name: "Report", exact: true }).click();
  const tiers = page.getByRole("table", { name: /Baseline against DORA's \d{4} tiers/ });
  const churn = tiers.getByRole("row").filter({ hasText: "Code churn" });
  await expect(churn).not.toContainText("Not classified");
  await expect(churn).toContainText("seed threshold");
  const escape = tiers.getByRole("row").filter({ hasText: "Defect escape rate" });
  await expect(escape).not.toContainText("Not classified");
  await expect(escape).toContainText("seed threshold");

  const budget = page.getByRole("region", { name: "Error budget" });
  await expect(budget).toContainText("1 incident spent 66.5 minutes (1 h 6 m 30 s). Overspent by 23.3 minutes (23 m 18 s).");
  await expect(budget).not.toContainText("0 minutes left");
  // 43.2 minutes at 10 EUR a minute; 66.5 minutes spent.
  await expect(budget).toContainText("In money: the budget is worth 432.00 EUR; the incidents cost 665.00 EUR.");
  await expect(budget).toContainText("The plan's simulation runs under the freeze policy.");

  const outlook = page.getByRole("region", { name: /Outlook under/ });
  await expect(outlook).toContainText(/Under the freeze policy feature deployments stop [\d.]+% of the time\./);
  await expect(outlook.locator(".report__part")).toHaveCount(5);
  await expect(outlook.locator(".report__part").nth(2)).toContainText(/Freeze policy's part: Change failure rate: [\d.]+% with the freeze policy, [\d.]+% without\./);
  await baseline.expectNoNonsense();
});
