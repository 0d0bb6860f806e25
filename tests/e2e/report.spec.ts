import { expect, test } from "@playwright/test";
import { BaselinePage } from "./pages/baseline";
import { GoalsPage } from "./pages/goals";

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
