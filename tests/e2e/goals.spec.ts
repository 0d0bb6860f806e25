import { expect, test } from "@playwright/test";
import { GoalsPage } from "./pages/goals";

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
});

test("a user builds a three-level chain, fixes a failing criterion, and finds it all after reload", async ({ page }) => {
  const goals = new GoalsPage(page);
  await goals.open();
  await expect(page.getByRole("link", { name: "Goals" })).toHaveAttribute("aria-current", "page");

  await goals.add("Strategy", "Be the bank customers trust to ship");
  await goals.add("Operational", "Deploy four times a week", "Strategy: Be the bank customers trust to ship");
  await goals.add("Technical", "Automate the release pipeline", "Operational: Deploy four times a week");

  // Three levels, nested, each named.
  const technical = goals.chainItem("Automate the release pipeline");
  await expect(technical).toContainText("Technical");
  const operational = goals.chainItem("Deploy four times a week");
  await expect(operational).toContainText("Operational");
  await expect(operational.getByRole("list")).toContainText("Automate the release pipeline");
  await expect(goals.chainItem("Be the bank customers trust to ship").getByRole("list").first()).toContainText(
    "Deploy four times a week",
  );

  // The operational goal: linked to its parent (Relevant passes), but no
  // metric and no deadline yet.
  await goals.select("Deploy four times a week");
  await goals.expectCriterion("Relevant", "Pass");
  await expect(goals.criterion("Relevant")).toContainText('serves the strategy goal "Be the bank customers trust to ship"');
  await goals.expectCriterion("Time-bound", "Fail");
  await expect(goals.criterion("Time-bound")).toContainText("It has no deadline.");
  await goals.expectCriterion("Measurable", "Fail");

  // Fix them: a metric from the baseline, a target, a deadline.
  await goals.picker("Metric").selectOption({ label: "Deployment frequency" });
  // In the unit the baseline was typed in; the unit picker beside the
  // target is the Baseline screen's own setting.
  await expect(page.getByText("Baseline: 2 deploys per month (from the Baseline screen)")).toBeVisible();
  await expect(goals.field("Target")).toHaveValue("2");
  await goals.picker("Target unit").selectOption({ label: "deploys per week" });
  await expect(page.getByText("Baseline: 0.46 deploys per week (from the Baseline screen)")).toBeVisible();
  await goals.field("Target").fill("4");
  await goals.date("Deadline").fill("2099-12-31");
  await goals.expectCriterion("Time-bound", "Pass");
  await goals.expectCriterion("Measurable", "Pass");
  await goals.expectCriterion("Specific", "Pass");

  // Goodhart: a throughput goal without a guard is flagged, and a guard clears it.
  await expect(goals.findings()).toContainText("Warning: Goodhart warning");
  await goals.picker("Guard metric").selectOption({ label: "Change failure rate" });
  await expect(goals.field("Guard limit (at most)")).toHaveValue("15");
  await expect(goals.findings()).toContainText("No anti-patterns found.");

  // Record a check-in and see it against the required path.
  await goals.date("Start date").fill("2099-01-01");
  await goals.date("Check-in date").fill("2099-07-02");
  await goals.field("Actual value").fill("2");
  await page.getByRole("button", { name: "Record check-in" }).click();
  const row = page.getByRole("row", { name: /2 Jul 2099/ });
  await expect(row).toContainText("2 deploys per week");
  await expect(row).toContainText("Lagging");
  await expect(page.getByRole("img", { name: /Progress chart/ })).toBeVisible();

  await page.reload();
  await expect(goals.chainItem("Automate the release pipeline")).toContainText("Technical");
  await goals.select("Deploy four times a week");
  await expect(goals.field("Target")).toHaveValue("4");
  await expect(goals.date("Deadline")).toHaveValue("2099-12-31");
  await goals.expectCriterion("Time-bound", "Pass");
  await expect(page.getByRole("row", { name: /2 Jul 2099/ })).toContainText("Lagging");
  await goals.expectNoNonsense();

  // A check-in is edited in the form above the table, then deleted, then
  // put back.
  // Edit carries focus to the form's first box; typing waits for it, or
  // the move would take the keystrokes away from the value box.
  await page.getByRole("button", { name: "Edit the check-in of 2 Jul 2099" }).click();
  await expect(goals.date("Check-in date")).toBeFocused();
  await expect(goals.field("Actual value")).toHaveValue("2");
  await goals.field("Actual value").fill("3");
  await page.getByRole("button", { name: "Save check-in" }).click();
  // The Actual cell itself: the required path's "2.23 deploys per week"
  // also contains "3 deploys per week".
  const actual = page.getByRole("row", { name: /2 Jul 2099/ }).getByRole("cell").first();
  await expect(actual).toHaveText("3 deploys per week");
  await expect(page.getByRole("row", { name: /2 Jul 2099/ })).toContainText("On track");
  await page.getByRole("button", { name: "Delete the check-in of 2 Jul 2099" }).click();
  await expect(page.getByRole("row", { name: /2 Jul 2099/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(actual).toHaveText("3 deploys per week");
  // A reading from before the start belongs to the baseline.
  await goals.date("Check-in date").fill("2098-12-31");
  await goals.field("Actual value").fill("1");
  await page.getByRole("button", { name: "Record check-in" }).click();
  await expect(page.getByText(/A check-in cannot come before the goal's start \(1 Jan 2099\)/)).toBeVisible();
  await expect(page.getByRole("row", { name: /31 Dec 2098/ })).toHaveCount(0);
});

test("bad input gets a clear message and never NaN", async ({ page }) => {
  const goals = new GoalsPage(page);
  await goals.open();

  // Empty title.
  await page.getByRole("button", { name: "Add goal", exact: true }).click();
  await expect(page.getByText("Enter a title: what should change?", { exact: true })).toBeVisible();

  await goals.add("Operational", "Faster recovery");
  await goals.add("Technical", "Runbooks for every alert", "Operational: Faster recovery");

  // Target equal to, then the wrong side of, the baseline (6 hours).
  await goals.select("Faster recovery");
  await goals.picker("Metric").selectOption({ label: "Failed deployment recovery time" });
  await expect(page.getByText("The target equals the baseline (6 hours): set a target that improves on it.", { exact: true })).toBeVisible();
  await goals.field("Target").fill("9");
  await expect(
    page.getByText("Failed deployment recovery time is better lower, but the target (9 hours) is above the baseline (6 hours).", { exact: true }),
  ).toBeVisible();
  await expect(goals.field("Target")).toHaveAttribute("aria-invalid", "true");
  await goals.expectCriterion("Specific", "Fail");
  await goals.field("Target").fill("two");
  await expect(page.getByText("Enter a number, such as 12 or 2.5.", { exact: true })).toBeVisible();
  await goals.field("Target").fill("1");
  await expect(goals.field("Target")).not.toHaveAttribute("aria-invalid", "true");

  // A deadline in the past.
  await goals.date("Deadline").fill("2001-01-31");
  await expect(page.getByText("The deadline (31 Jan 2001) has passed. Pick a date in the future.", { exact: true })).toBeVisible();
  await goals.expectCriterion("Time-bound", "Fail");

  // A cycle: the goal under this one is not offered as its parent.
  const options = await goals.picker("Move under").locator("option").allTextContents();
  expect(options).toEqual(["None: top of the chain"]);
  await expect(page.getByText("Goals under this one are not offered: the chain would loop.")).toBeVisible();

  // Clearing the title is refused and the last title kept.
  await goals.field("Title").fill("  ");
  await expect(page.getByText("Enter a title: what should change?", { exact: true })).toBeVisible();
  await expect(goals.chain()).toContainText("Faster recovery");
  await goals.expectNoNonsense();
});

test("the seed's examples are offered as templates and classified as the seed does", async ({ page }) => {
  const goals = new GoalsPage(page);
  await goals.open();
  await page.getByRole("button", { name: "Use this example: Migrate to a streaming platform" }).click();
  await expect(goals.findings()).toContainText("Warning: technology first");
  await expect(goals.findings()).toContainText("Try: State the outcome");

  await page.getByRole("button", { name: /Use this example: Reduce P95 API response time/ }).click();
  await expect(page.getByRole("heading", { name: "SMART check: 5 of 5 pass" })).toBeVisible();
  await expect(goals.criterion("Achievable")).toContainText("33% lower");

  await page.getByRole("button", { name: /Use this example: 99.9% uptime/ }).click();
  await expect(goals.findings()).toContainText("Warning: requirements, not a goal");

  // Deleting a goal removes it from the chain.
  await page.getByRole("button", { name: "Delete goal" }).click();
  await expect(goals.chain()).not.toContainText("99.9% uptime");
  await goals.expectNoNonsense();

  // Undo puts it back, where it was, and shows it; keyboard focus is on
  // Undo once the goal has gone.
  await expect(page.getByRole("status").filter({ hasText: "Deleted" })).toContainText("99.9% uptime");
  await expect(page.getByRole("button", { name: "Undo" })).toBeFocused();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(goals.chain()).toContainText("99.9% uptime");
  await expect(goals.field("Title")).toHaveValue(/^99.9% uptime/);
  await expect(goals.findings()).toContainText("Warning: requirements, not a goal");
  await expect(page.getByRole("button", { name: "Undo" })).toHaveCount(0);
});

test("switching goals shows each goal's own owner, \"so that\" and deadline", async ({ page }) => {
  const goals = new GoalsPage(page);
  await goals.open();
  await goals.add("Operational", "Ship weekly");
  await goals.field("Owner (team or service)").fill("Payments");
  await goals.field("So that").fill("customers get fixes within a week");
  await goals.date("Deadline").fill("2099-03-31");
  await goals.add("Technical", "Automate releases");
  await goals.field("Owner (team or service)").fill("Platform");
  await goals.field("So that").fill("releases take minutes");
  await goals.date("Deadline").fill("2098-06-30");

  for (let round = 0; round < 2; round++) {
    await goals.select("Ship weekly");
    await expect(goals.field("Owner (team or service)")).toHaveValue("Payments");
    await expect(goals.field("So that")).toHaveValue("customers get fixes within a week");
    await expect(goals.date("Deadline")).toHaveValue("2099-03-31");
    await expect(goals.picker("Goal level")).toHaveValue(await optionIndex(goals.picker("Goal level"), "Operational"));
    await goals.select("Automate releases");
    await expect(goals.field("Owner (team or service)")).toHaveValue("Platform");
    await expect(goals.field("So that")).toHaveValue("releases take minutes");
    await expect(goals.date("Deadline")).toHaveValue("2098-06-30");
    await expect(goals.picker("Goal level")).toHaveValue(await optionIndex(goals.picker("Goal level"), "Technical"));
  }
});

test("a lead time typed as 4 days on the Baseline reads 4 days on a goal", async ({ page }) => {
  await page.goto("#/baseline");
  await page.getByRole("textbox", { name: "Lead time for changes", exact: true }).fill("4");
  await page.getByRole("combobox", { name: "Lead time unit", exact: true }).selectOption({ label: "days" });
  const goals = new GoalsPage(page);
  await page.getByRole("link", { name: "Goals" }).click();
  await goals.add("Operational", "Ship within two days");
  await goals.picker("Metric").selectOption({ label: "Lead time for changes" });
  await expect(page.getByText("Baseline: 4 days (from the Baseline screen)", { exact: true })).toBeVisible();
  await expect(goals.field("Target")).toHaveValue("4");
  await expect(goals.picker("Target unit")).toHaveValue(await optionIndex(goals.picker("Target unit"), "days"));
  await goals.field("Target").fill("2");
  await expect(goals.criterion("Specific")).toContainText("Pass");
  await expect(page.locator("body")).not.toContainText("96 hours");
  await expect(page.locator("body")).not.toContainText("48 hours");
  await goals.expectNoNonsense();
});

test("the title box stops at the model's limit", async ({ page }) => {
  const goals = new GoalsPage(page);
  await goals.open();
  const limit = Number(await goals.field("Goal title").getAttribute("maxlength"));
  expect(limit).toBe(200);
  await goals.field("Goal title").pressSequentially("x".repeat(limit + 5));
  await expect(goals.field("Goal title")).toHaveValue("x".repeat(limit));
  await page.getByRole("button", { name: "Add goal", exact: true }).click();
  await expect(goals.field("Title")).toHaveValue("x".repeat(limit));
  for (const label of ["Title", "Owner (team or service)", "So that"]) {
    await expect(goals.field(label)).toHaveAttribute("maxlength", String(limit));
  }
});

/** The value of the option labelled `label` (options are identified by position). */
async function optionIndex(picker: import("@playwright/test").Locator, label: string): Promise<string> {
  const texts = await picker.locator("option").allTextContents();
  const index = texts.findIndex((t) => t.trim() === label);
  expect(index, `option ${label}`).toBeGreaterThanOrEqual(0);
  return String(index);
}
