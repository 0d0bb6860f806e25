import { expect, test } from "@playwright/test";
import { BaselinePage } from "./pages/baseline";

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
});

test("a user enters a baseline, sees the tiers, and finds it again after reload", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.open();

  await baseline.fill("Team or service name", "Payments API");
  await baseline.fill("Deployment frequency", "3");
  await baseline.picker("Deployment frequency period").selectOption({ label: "per day" });
  await baseline.fill("Lead time for changes", "6");
  await baseline.picker("Lead time unit").selectOption({ label: "hours" });
  await baseline.fill("Change failure rate", "4");
  await baseline.fill("Failed deployment recovery time", "45");
  await baseline.picker("Recovery time unit").selectOption({ label: "minutes" });
  await baseline.fill("Rework rate", "8");
  await baseline.fill("Code churn (optional)", "30");

  await baseline.expectTier("Deployment frequency", "Elite");
  await baseline.expectTier("Lead time for changes", "Elite");
  await baseline.expectTier("Change failure rate", "Elite");
  await baseline.expectTier("Failed deployment recovery time", "Elite");
  await expect(page.getByText("Profile: Elite on 4 of 4 metrics.")).toBeVisible();
  await expect(page.getByText("Classified with the 2024 edition.")).toBeVisible();
  await expect(page.getByText("Secondary source", { exact: true })).toBeVisible();
  await expect(page.getByRole("row", { name: /Code churn/ })).toContainText("Above healthy");

  await page.reload();
  await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
  await expect(baseline.field("Deployment frequency")).toHaveValue("3");
  await expect(baseline.picker("Lead time unit").locator("option:checked")).toHaveText("hours");
  await expect(baseline.field("Failed deployment recovery time")).toHaveValue("45");
  await expect(baseline.field("Code churn (optional)")).toHaveValue("30");
  await baseline.expectTier("Lead time for changes", "Elite");
  await expect(page.getByRole("banner")).toContainText("Payments API");
  await baseline.expectNoNonsense();
});

test("invalid input explains itself, keeps the last valid value, and never shows NaN", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.open();

  await baseline.fill("Change failure rate", "12");
  await baseline.expectTier("Change failure rate", "Medium");

  await baseline.fill("Change failure rate", "250");
  await expect(page.getByText("Must be at most 100%.")).toBeVisible();
  await expect(baseline.field("Change failure rate")).toHaveAttribute("aria-invalid", "true");
  await baseline.expectTier("Change failure rate", "Medium");

  await baseline.fill("Lead time for changes", "-3");
  await expect(page.getByText("Cannot be negative.")).toBeVisible();
  await baseline.fill("Deployment frequency", "lots");
  await expect(page.getByText("Enter a number, such as 12 or 2.5.")).toBeVisible();
  await baseline.fill("Rework rate", "");
  await expect(page.getByText("Enter a value.")).toBeVisible();
  await baseline.fill("Team or service name", "   ");
  await expect(page.getByText("Enter a name.")).toBeVisible();
  await baseline.fill("Failed deployment recovery time", "NaN");
  await baseline.fill("Availability (optional)", "Infinity");
  await expect(page.getByText("Enter a number, such as 12 or 2.5.")).toHaveCount(3);
  await baseline.expectNoNonsense();

  // The rejected text never reached the model: a reload shows the last valid values.
  await page.reload();
  await expect(baseline.field("Change failure rate")).toHaveValue("12");
  await expect(baseline.field("Rework rate")).toHaveValue("12");
  await baseline.expectNoNonsense();
});

test("the edition is selectable, named on screen, and secondary sources are flagged", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.open();
  await baseline.fill("Change failure rate", "20");
  await baseline.expectTier("Change failure rate", "High");

  await baseline.picker("DORA report edition").selectOption({ label: "2021 report" });
  await expect(page.getByText("Classified with the 2021 edition.")).toBeVisible();
  await expect(baseline.card("Change failure rate").locator(".tier")).toHaveText("Tier: High – Low");

  await baseline.picker("DORA report edition").selectOption({ label: "2022 report (no Elite tier; secondary)" });
  await expect(page.getByText(/2022 found no Elite cluster/)).toBeVisible();
  await expect(page.getByText("Secondary source", { exact: true })).toBeVisible();
});

test("the screen is in the URL, keyboard reaches every field, and saved data stays local", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (r) => requests.push(r.url()));
  const baseline = new BaselinePage(page);
  await baseline.open();
  await expect(page).toHaveURL(/#\/baseline$/);
  await expect(page.getByRole("link", { name: "Baseline" })).toHaveAttribute("aria-current", "page");

  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await baseline.field("Team or service name").focus();
  await page.keyboard.press("Tab");
  await expect(baseline.field("Deployment frequency")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(baseline.picker("Deployment frequency period")).toBeFocused();

  await page.reload();
  await expect(page).toHaveURL(/#\/baseline$/);
  const origin = new URL(page.url()).origin;
  expect(requests.filter((u) => !u.startsWith(origin))).toEqual([]);
});

test("the app runs from a sub-path of a static host", async ({ page }) => {
  await page.goto("./");
  expect(new URL(page.url()).pathname).toBe("/some/sub/path/");
  await expect(page.getByRole("heading", { level: 1, name: "Baseline" })).toBeVisible();
});
