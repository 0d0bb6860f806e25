import { expect, test } from "@playwright/test";
import { BudgetPage } from "./pages/budget";
import { SimulatePage } from "./pages/simulate";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const fixtures = join(__dirname, "../../core/tests/fixtures");

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
});

test("a 99.9% SLO over 30 days leaves 43.2 minutes; an incident spends it and survives a reload", async ({ page }) => {
  const budget = new BudgetPage(page);
  await budget.open();
  await expect(page.getByRole("link", { name: "Error budget" })).toHaveAttribute("aria-current", "page");

  await budget.fill("SLO target", "99.9");
  await budget.picker("Window").selectOption({ label: "Rolling days" });
  await budget.fill("Rolling window length", "30");
  await budget.dateInput("Window starts").fill("2026-03-01");
  await expect(budget.figure("Error budget")).toHaveText("43.2 minutes (43 m 12 s)");
  await expect(page.getByText(/Months are counted as 30 days/)).toBeVisible();
  await expect(budget.figure("Remaining at the window's end")).toHaveText("43.2 minutes (43 m 12 s) left");
  const lineBefore = await budget.burnDownLine().getAttribute("d");

  await budget.addIncident("2026-03-05T10:00", "30", "100");
  await expect(budget.incidentRows()).toHaveCount(1);
  await expect(budget.figure("Remaining at the window's end")).toHaveText("13.2 minutes (13 m 12 s) left");
  await expect(budget.figure("Spent in this window")).toHaveText("30 minutes (69.4%)");
  await expect(budget.incidentRows().first()).toContainText("Postmortem needed");
  const lineAfter = await budget.burnDownLine().getAttribute("d");
  expect(lineAfter).not.toEqual(lineBefore);

  // The table alternative shows the same burn-down.
  await page.getByText("Burn-down as a table").click();
  await expect(page.getByRole("table", { name: "Budget remaining at each change" })).toContainText("13.2");

  await page.reload();
  await expect(budget.figure("Error budget")).toHaveText("43.2 minutes (43 m 12 s)");
  await expect(budget.figure("Remaining at the window's end")).toHaveText("13.2 minutes (13 m 12 s) left");
  await expect(budget.field("SLO target")).toHaveValue("99.9");
  await expect(budget.dateInput("Window starts")).toHaveValue("2026-03-01");
  await expect(budget.incidentRows()).toHaveCount(1);
  expect(await budget.burnDownLine().getAttribute("d")).toEqual(lineAfter);
  await budget.expectNoNonsense();
});

test("the alert table follows the window and never keeps 14.4× for 7 days", async ({ page }) => {
  const budget = new BudgetPage(page);
  await budget.open();
  const alerts = page.getByRole("table", { name: "Alert table for this window" });
  await expect(alerts.getByRole("row").nth(1)).toContainText("14.4×");
  await budget.fill("Rolling window length", "28");
  await expect(alerts.getByRole("row").nth(1)).toContainText("13.44×");
  await expect(alerts.getByRole("row").nth(4)).toContainText("0.93×");
  await budget.fill("Rolling window length", "7");
  await expect(alerts.getByRole("row").nth(1)).toContainText("3.36×");
  await expect(alerts).not.toContainText("14.4×");
});

test("bad input explains itself and never shows NaN", async ({ page }) => {
  const budget = new BudgetPage(page);
  await budget.open();
  await budget.fill("SLO target", "100");
  await expect(page.getByText(/An SLO of 100% leaves no error budget/)).toBeVisible();
  await expect(budget.figure("Error budget")).toHaveText("0 minutes");
  await budget.fill("SLO target", "0");
  await expect(page.getByText("Must be greater than zero.")).toBeVisible();
  await budget.fill("SLO target", "101");
  await expect(page.getByText("Must be at most 100%.")).toBeVisible();
  await budget.fill("SLO target", "99.99999");
  await expect(budget.figure("Error budget")).toHaveText("0.26 seconds");

  await budget.addIncident("2026-03-05T10:00", "-5", "100");
  await expect(page.getByText("Cannot be negative.")).toBeVisible();
  await expect(budget.incidentRows()).toHaveCount(0);

  await budget.dateInput("Window starts").fill("2026-03-01");
  await budget.fill("SLO target", "99.9");
  await budget.addIncident("2026-03-05T10:00", "20", "100");
  await budget.addIncident("2026-03-05T10:10", "20", "50");
  await expect(page.getByText(/Overlaps #1: the overlapping time is counted once/)).toBeVisible();
  // 20 min at 100% plus the 10 min after it at 50%: 25 minutes.
  await expect(budget.figure("Spent in this window")).toContainText("25 minutes");
  await budget.addIncident("2026-05-05T10:00", "20", "100");
  await expect(page.getByText(/starts outside the window/)).toBeVisible();
  await expect(budget.figure("Spent in this window")).toContainText("25 minutes");
  await budget.expectNoNonsense();
});

test("incidents can be drawn from the baseline and the policy is simulated", async ({ page }) => {
  const budget = new BudgetPage(page);
  await budget.open();
  await page.getByRole("button", { name: "Draw from baseline" }).click();
  await expect(page.getByText(/Drew \d+ incidents? from the baseline/)).toBeVisible();
  await expect(budget.figure("Chance a window's budget is spent")).toHaveText(/\d+(\.\d)?%/);
  await expect(page.getByText(/wording is unverified/)).toBeVisible();
  await budget.expectNoNonsense();
});

test("the freeze policy feeds the improvement simulation", async ({ page }) => {
  const budget = new BudgetPage(page);
  await budget.open();
  // A tight SLO that the baseline's failures overspend: freezes happen.
  await budget.fill("SLO target", "99.99");
  const sim = new SimulatePage(page);
  await sim.open();
  const before = await sim.medianPath();
  const effect = page.locator("#freeze-effect");
  await expect(effect).toHaveText(/^Off/);
  await page.getByRole("checkbox", { name: "Run under the freeze policy" }).check();
  await expect(effect).toHaveText(/Frozen [\d.]+% of the time \([\d.]+ days a quarter\)/);
  await expect.poll(() => sim.medianPath()).not.toBe(before);
  await page.reload();
  await expect(page.getByRole("checkbox", { name: "Run under the freeze policy" })).toBeChecked();
  await expect(effect).toHaveText(/Frozen/);
});

test("the burn-down saves as SVG and PNG", async ({ page }) => {
  const budget = new BudgetPage(page);
  await budget.open();
  const figure = page.locator("#burn-down-figure");
  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name: "Save as SVG" }).click(),
  ]);
  expect(svg.suggestedFilename()).toBe("flywheel-burn-down.svg");
  expect(readFileSync(await svg.path(), "utf8")).toContain('xmlns="http://www.w3.org/2000/svg"');
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name: "Save as PNG" }).click(),
  ]);
  expect(readFileSync(await png.path()).subarray(1, 4).toString()).toBe("PNG");
});

test("the SLO goes out as Prometheus rules and OpenSLO, and an OpenSLO file comes in", async ({ page }) => {
  const budget = new BudgetPage(page);
  await budget.open();
  // The SLO and names of the pinned 28-day rules file.
  await budget.fill("SLO target", "99.9");
  await budget.fill("Rolling window length", "28");
  await expect(page.getByText("To write the rules, Flywheel still needs:")).toBeVisible();
  await budget.fill("Service", "checkout");
  await budget.fill("SLO name", "requests-availability");
  await budget.fill("Good-events expression", 'sum(rate(http_requests_total{job="checkout"}[5m]))');
  // Said at the field, and again in the list of what the rules still need.
  await expect(page.locator("#sli-good-error")).toHaveText(/has no \{\{\.window\}\} placeholder/);
  await budget.fill("Good-events expression", 'sum(rate(http_requests_total{job="checkout",code!~"5.."}[{{.window}}]))');
  await budget.fill("Total-events expression", 'sum(rate(http_requests_total{job="checkout"}[{{.window}}]))');
  await page.getByRole("button", { name: "Add label" }).click();
  await budget.fill("Label 1 name", "team");
  await budget.fill("Label 1 value", "payments");
  await expect(page.getByLabel("Rules file (YAML)", { exact: true })).toContainText("ErrorBudgetBurn");

  const rules = await budget.download("Save as .yml");
  expect(rules.name).toBe("checkout-requests-availability.rules.yml");
  expect(rules.text).toContain("record: slo:sli_error:ratio_rate5m");
  expect(rules.text).toContain("> (13.44 * 0.001)");
  expect(rules.text).toContain("2% of the 28-day budget spent in the last hour");
  // Byte for byte the file promtool checks in the core tests.
  expect(rules.text).toBe(readFileSync(join(fixtures, "prometheus/rolling-28d.yml"), "utf8"));

  const openslo = await budget.download("Save as OpenSLO YAML");
  expect(openslo.name).toBe("checkout-requests-availability.openslo.yaml");
  expect(openslo.text).toContain("apiVersion: openslo/v1");
  expect(openslo.text).toContain("kind: SLO");

  // A document Flywheel cannot carry is refused, naming the field; nothing changes.
  await budget.importOpenSlo(join(fixtures, "openslo/budgeting-method--timeslices-slo.yaml"));
  await expect(page.getByText(/spec\.timeWindow\[0\]\.duration \(line 27\)/)).toBeVisible();
  await expect(page.getByText("This file could not be imported, and nothing was changed:")).toBeVisible();
  await expect(budget.field("SLO target")).toHaveValue("99.9");

  // OpenSLO's own example: the screen follows it.
  await budget.importOpenSlo(join(fixtures, "openslo/budgeting-method--occurences-slo.yaml"));
  await expect(page.getByText("Imported “Searching time”: the screen now shows its SLO.")).toBeVisible();
  await expect(budget.field("SLO target")).toHaveValue("99");
  await expect(budget.field("Rolling window length")).toHaveValue("14");
  await expect(budget.picker("Budgeting method")).toHaveValue("1");
  await expect(budget.picker("Budgeting method").locator("option:checked")).toHaveText("Request-based (good requests)");
  await expect(budget.field("Service")).toHaveValue("web-shop");
  await expect(budget.field("SLO name")).toHaveValue("Searching time");
  await expect(page.getByText(/thresholdMetric/)).toBeVisible();
  await expect(budget.figure("Error budget")).toHaveText("201.6 minutes (3 h 21 m 36 s)");
  await page.reload();
  await expect(budget.field("Service")).toHaveValue("web-shop");
  await budget.expectNoNonsense();
});

test("burn rates, thresholds and money are explained with the user's numbers", async ({ page }) => {
  const budget = new BudgetPage(page);
  await budget.open();
  const sentence = page.locator("#burn-sentence");
  await expect(sentence).toHaveText(/^At 14\.4× the whole 30-day budget lasts 50 hours/);
  await budget.fill("Time to exhaustion", "100");
  await expect(budget.field("Burn rate")).toHaveValue("7.2");
  await budget.fill("SLO target", "90");
  await expect(page.getByText(/The 1-hour page \(14\.4×\) can never fire at a 90% SLO/)).toBeVisible();
  await expect(page.getByText(/nearest threshold that can fire is the 6-hour page's 6×/).first()).toBeVisible();
  await budget.fill("SLO target", "99.9");
  await budget.dateInput("Window starts").fill("2026-03-01");
  await budget.addIncident("2026-03-05T10:00", "50", "100");
  await expect(budget.figure("Remaining at the window's end")).toHaveText("Overspent by 6.8 minutes (6 m 48 s)");
  await budget.fill("Cost per bad minute (optional)", "2");
  await budget.fill("Currency", "€");
  await expect(budget.figure("Budget in money")).toHaveText("€86.40");
  await expect(budget.figure("Spent in money")).toHaveText("€100.00");
  await expect(budget.incidentRows().first()).toContainText("€100.00");
  await budget.expectNoNonsense();
});

test("a window starting on the model's last day opens from a link without a crash", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  const budget = new BudgetPage(page);
  await budget.open();
  await budget.fill("Rolling window length", "90");
  await budget.dateInput("Window starts").fill("2100-12-31");
  await budget.addIncident("2100-12-31T23:00", "129600", "100");
  await expect(budget.incidentRows()).toHaveCount(1);
  await page.getByRole("button", { name: "Share link" }).click();
  const linkBox = page.getByRole("textbox", { name: "Link to this scenario and screen" });
  await expect(linkBox).toHaveValue(/#\/budget\?s=/);
  const link = await linkBox.inputValue();
  // Opened fresh, as a recipient would: no saved work, a new page load.
  await page.evaluate(() => localStorage.clear());
  await page.goto("about:blank");
  await page.goto(link);
  await expect(budget.dateInput("Window starts")).toHaveValue("2100-12-31");
  await page.getByText("Burn-down as a table").click();
  await expect(page.getByRole("table", { name: "Budget remaining at each change" })).toContainText("2101");
  await budget.expectNoNonsense();
  expect(errors).toEqual([]);
});
