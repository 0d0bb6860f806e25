import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { BaselinePage } from "./pages/baseline";
import { ImportSection } from "./pages/import";

// A scenario with one lead-time goal that started on 1 Dec 2025, before the
// sample data's months, from `cargo run -p flywheel-sim --example
// history_link` (scripts/test.sh writes it with the current link format).
const seeded = readFileSync("target/e2e/history-link.txt", "utf8").trim();

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "5 Jun 2026", as the app writes a date. */
function words(d: Date): string {
  return `${d.getDate()} ${MONTHS[d.getMonth()]} ${d.getFullYear()}`;
}

/** "2026-06-05", as a date input takes it. */
function iso(d: Date): string {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

function history(page: Page) {
  return {
    open: async () => {
      await page.getByRole("link", { name: "History", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
    },
    message: () => page.locator(".history__message"),
    table: (name: string) => page.getByRole("table", { name, exact: true }),
    picker: (label: string) => page.getByRole("combobox", { name: label, exact: true }),
  };
}

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
});

test("a trend from the sample, two snapshots compared, check-ins from data, the plan against what happened, and a link that keeps it all", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  const today = new Date();
  // The imported baseline was measured up to 26 Mar 2026, so its snapshot
  // may not be dated before then: thirteen weeks ago, or just after it.
  const thirteenWeeks = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 91);
  const earliest = new Date(2026, 2, 27);
  const earlier = thirteenWeeks > earliest ? thirteenWeeks : earliest;
  const h = history(page);

  await page.goto(seeded);
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  await expect(page.locator(".app-header__team")).toHaveText("Checkout");
  await expect(page.getByText(/^No trend yet/)).toBeVisible();

  // Import the sample and apply it: its months reach the History screen.
  const importer = new ImportSection(page);
  await importer.open();
  await importer.trySample();
  await importer.apply();
  await expect(page.getByRole("status").filter({ hasText: "Applied to the baseline" })).toContainText(
    "monthly trend (3 months) is on the History screen",
  );

  await h.open();
  await expect(page.getByText("Months and ISO weeks are cut at midnight UTC.")).toBeVisible();
  await expect(page.getByRole("img", { name: /^Lead time for changes per calendar month/ })).toBeVisible();
  const months = h.table("Monthly figures");
  await expect(months.getByRole("row")).toHaveCount(4);
  await expect(months.getByRole("row", { name: /^January 2026/ })).toContainText("median of");
  // Fewer than 20 deployments a month: the rates are marked thin.
  await expect(months.getByRole("row", { name: /^February 2026/ })).toContainText("Too few to rely on");
  await expect(h.table("Weekly deployments").getByRole("row")).toHaveCount(13);
  await h.picker("Metric in the charts").selectOption({ label: "Deployment frequency" });
  await expect(page.getByRole("img", { name: /^Deployment frequency per calendar month/ })).toBeVisible();
  await h.picker("Metric in the charts").selectOption({ label: "Lead time for changes" });

  // Keep today's baseline, re-date it into the past, and mark it as where
  // the plan started.
  const keep = page.getByRole("button", { name: "Keep today's baseline as a snapshot" });
  await keep.click();
  await expect(h.message()).toContainText(`Kept the baseline as it stands on ${words(today)}.`);
  await page.getByLabel("New date", { exact: true }).fill(iso(earlier));
  await page.getByRole("button", { name: "Re-date", exact: true }).click();
  await expect(h.message()).toContainText(`Moved the snapshot of ${words(today)} to ${words(earlier)}.`);
  await page.getByRole("button", { name: "Mark as the plan's start" }).click();
  await expect(h.message()).toContainText(`The plan is held against the snapshot of ${words(earlier)}`);

  // A faster lead time since, kept as today's snapshot.
  const baseline = new BaselinePage(page);
  await baseline.open();
  await baseline.fill("Lead time for changes", "10");
  await h.open();
  await keep.click();
  await expect(h.message()).toContainText(`Kept the baseline as it stands on ${words(today)}.`);
  const snapshots = h.table("Snapshots");
  await expect(snapshots.getByRole("row")).toHaveCount(3);
  await expect(snapshots.getByRole("row", { name: /\(plan start\)/ })).toContainText(words(earlier));

  // Compared in words, with the pickers set as a user would.
  await h.picker("Compare the snapshot of").selectOption({ label: words(earlier) });
  await h.picker("with the snapshot of").selectOption({ label: words(today) });
  const summary = page.locator(".history__summary");
  await expect(summary).toContainText(`Since ${words(earlier)} (`);
  // The seeded scenario reads through the 2025 lens, the default for new work.
  await expect(summary).toContainText("lead time for changes 52% lower (21 hours → 10 hours), score 8.0 → 8.0 of 10");
  await expect(h.table(`${words(today)} compared with ${words(earlier)}`)).toBeVisible();

  // The goal's check-ins filled from the months and snapshots since its start.
  const goal = page.getByRole("region", { name: "Operational: Lead time within a working day", exact: true });
  await goal.getByRole("button", { name: "Fill check-ins from measurements" }).click();
  await expect(goal).toContainText(/Filled \d+ measured check-ins from the baseline history and the monthly trend/);
  const checkIns = h.table("Check-ins of Operational: Lead time within a working day");
  await expect(checkIns.getByRole("row", { name: /^31 Jan 2026/ })).toContainText("measured");
  await expect(checkIns.getByRole("row", { name: new RegExp(`^${words(today)}`) })).toContainText("10 hours");
  await expect(goal.locator(".history__latest")).toContainText(
    new RegExp(`Latest check-in, ${words(today)} \\(measured\\): (On track|Lagging|At risk)`),
  );

  // The plan held against what happened since its start.
  await page.getByRole("button", { name: "Hold the plan against what happened" }).click();
  await expect(page.locator(".reality__status")).toContainText("Simulated in", { timeout: 15_000 });
  await expect(page.getByText(/Lead time for changes is .* after \d+ weeks \(the snapshot of/).first()).toBeVisible();
  await expect(page.getByText(/^Where an actual falls:/)).toBeVisible();
  await expect(page.getByText(/^The chance now:/)).toBeVisible();
  const chances = h.table("Each goal's chance: as planned and now");
  await expect(chances.getByRole("row", { name: /Lead time within a working day/ })).toContainText("%");
  const chanceRow = await chances.getByRole("row", { name: /Lead time within a working day/ }).textContent();
  // Each measurement's percentile among the plan's futures, from the seed.
  const placements = await h.table("Actuals among the plan's futures").textContent();
  expect(placements).toMatch(/\d+(st|nd|rd|th) percentile/);
  await expect(page.getByRole("img", { name: /the plan's futures and what happened/ })).toBeVisible();
  const text = await page.locator("body").innerText();
  expect(text).not.toMatch(/NaN|Infinity|∞|undefined/);

  // The link carries the history to a fresh browser.
  await page.getByRole("button", { name: "Share link" }).click();
  const field = page.getByRole("textbox", { name: "Link to this scenario and screen" });
  await expect(field).toHaveValue(/#\/history\?s=3\./);
  const link = await field.inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  const again = history(other);
  await expect(again.table("Snapshots").getByRole("row")).toHaveCount(3);
  await expect(again.table("Snapshots").getByRole("row", { name: /\(plan start\)/ })).toContainText(words(earlier));
  await expect(again.table("Monthly figures").getByRole("row")).toHaveCount(4);
  await expect(
    again.table("Check-ins of Operational: Lead time within a working day").getByRole("row", { name: /^31 Jan 2026/ }),
  ).toContainText("measured");
  await expect(other.locator(".history__summary")).toContainText("52% lower");

  // The same plan against reality on Simulate, on request, and in the
  // Report, by itself: the same chances as on History, from the link alone.
  await other.getByRole("link", { name: "Simulate", exact: true }).click();
  const onSimulate = other.getByRole("region", { name: "Plan against reality" });
  await onSimulate.getByRole("button", { name: "Hold the plan against what happened" }).click();
  await expect(onSimulate.getByRole("status")).toContainText("Simulated in", { timeout: 15_000 });
  await expect(onSimulate.getByRole("img", { name: "Lead time for changes: the plan's futures and what happened" })).toBeVisible();
  await other.getByRole("combobox", { name: "Metric shown" }).selectOption({ label: "Deployment frequency" });
  await expect(onSimulate.getByRole("img", { name: "Deployment frequency: the plan's futures and what happened" })).toBeVisible();
  await expect(
    onSimulate.getByRole("table", { name: "Each goal's chance: as planned and now" }).getByRole("row", { name: /Lead time within a working day/ }),
  ).toHaveText(chanceRow ?? "");
  await expect(onSimulate.getByRole("table", { name: "Actuals among the plan's futures" })).toHaveText(placements ?? "");

  await other.getByRole("link", { name: "Report", exact: true }).click();
  const inReport = other.getByRole("region", { name: "Plan against reality" });
  await expect(inReport.getByRole("status")).toContainText("Simulated in", { timeout: 15_000 });
  await expect(inReport.getByRole("img", { name: "Lead time for changes: the plan's futures and what happened" })).toBeVisible();
  await expect(
    inReport.getByRole("table", { name: "Each goal's chance: as planned and now" }).getByRole("row", { name: /Lead time within a working day/ }),
  ).toHaveText(chanceRow ?? "");
  await expect(inReport.getByRole("table", { name: "Actuals among the plan's futures" })).toHaveText(placements ?? "");
  await expect(inReport.getByText(/^Where an actual falls:/)).toBeVisible();
  expect(await inReport.innerText()).not.toMatch(/NaN|Infinity|∞|undefined/);
  await fresh.close();
});

test("the Report leaves the plan against reality out until the plan's start is marked", async ({ page }) => {
  await page.goto("#/report");
  await expect(page.getByRole("heading", { level: 1, name: "Report" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Error budget" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Plan against reality" })).toHaveCount(0);
  await page.getByRole("link", { name: "Simulate", exact: true }).click();
  await expect(page.getByRole("region", { name: "Plan against reality" })).toContainText("Mark the snapshot the chosen plan started from");
});

test("bad dates are refused in words and a lone snapshot cannot be compared", async ({ page }) => {
  await page.goto("#/history");
  await expect(page.getByRole("heading", { level: 1, name: "History" })).toBeVisible();
  await page.getByLabel("Snapshot date", { exact: true }).fill("2100-12-31");
  await page.getByRole("button", { name: "Keep today's baseline as a snapshot" }).click();
  await expect(page.locator("#history-keep-date-error")).toContainText("after today");
  await expect(page.getByRole("table", { name: "Snapshots" })).toHaveCount(0);

  await page.getByLabel("Snapshot date", { exact: true }).fill(iso(new Date()));
  await page.getByRole("button", { name: "Keep today's baseline as a snapshot" }).click();
  await expect(page.getByText(/^Keep two snapshots \(on different days\) to compare them/)).toBeVisible();
  await expect(page.getByText(/^Mark the snapshot the chosen plan started from/)).toBeVisible();
  // Keeping again on the same day replaces the snapshot, and says so.
  await page.getByRole("button", { name: "Keep today's baseline as a snapshot" }).click();
  await expect(page.locator(".history__message")).toContainText("a day keeps one snapshot");
  await page.getByRole("button", { name: "Delete snapshot" }).click();
  await expect(page.getByRole("table", { name: "Snapshots" })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("table", { name: "Snapshots" }).getByRole("row")).toHaveCount(2);
});
