import { expect, test, type Page } from "@playwright/test";
import { BudgetPage } from "./pages/budget";
import { GoalsPage } from "./pages/goals";
import { SimulatePage } from "./pages/simulate";
import { readFileSync } from "node:fs";

// This file times work against the figures on a shared 2-core host
// whose speed varies about twofold minutes apart: a test that misses gets
// one more try (reported as flaky), and fails if both are slow.
test.describe.configure({ retries: 1 });

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
});

test("moving a plan slider moves the fan chart, and a reload shows the same numbers", async ({ page }) => {
  const sim = new SimulatePage(page);
  await sim.open();
  await expect(page.getByRole("img", { name: /Lead time for changes over the next weeks/ })).toBeVisible();
  const before = await sim.medianPath();
  const kaizen = await sim.comparisonRow("Kaizen").textContent();

  // Keyboard on the slider: arrows change it as a user would.
  await sim.slider("Capacity spent on improvement").focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowRight");
  await expect(page.getByText("20%", { exact: true })).toBeVisible();
  await expect.poll(() => sim.medianPath()).not.toBe(before);
  const after = await sim.comparisonRow(/Kaizen \(edited\)/).textContent();
  expect(after).not.toBe(kaizen);

  await page.reload();
  await expect(sim.timing()).toContainText("Simulated");
  await expect(sim.slider("Capacity spent on improvement")).toHaveValue("20");
  expect(await sim.comparisonRow(/Kaizen \(edited\)/).textContent()).toBe(after);
  const body = await page.locator("body").innerText();
  expect(body).not.toMatch(/NaN|Infinity|undefined/);
});

test("strategies are compared side by side and the chart has a table alternative", async ({ page }) => {
  const sim = new SimulatePage(page);
  await sim.open();
  await expect(sim.comparisonRow("Kaizen")).toBeVisible();
  await expect(sim.comparisonRow("Quarterly overhaul")).toBeVisible();
  await expect(sim.comparisonRow("Capability trap")).toBeVisible();
  await expect(page.locator(".chart__median")).toHaveCount(3);
  await expect(page.getByRole("figure").filter({ has: page.locator(".chart__median") }).first()).toContainText(
    "P10–P90 of Kaizen",
  );

  await page.getByRole("button", { name: "Remove Capability trap" }).click();
  await expect(page.locator(".chart__median")).toHaveCount(2);
  await page.getByRole("combobox", { name: "Add a strategy" }).selectOption({ label: "Canary pilot (CFR 20% → 2%)" });
  await page.getByRole("button", { name: "Add to comparison" }).click();
  await expect(sim.comparisonRow("Canary pilot")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add to comparison" })).toBeDisabled();

  await page.getByRole("combobox", { name: "Metric shown" }).selectOption({ label: "Change failure rate" });
  await expect(page.getByRole("img", { name: /Change failure rate over the next weeks/ })).toBeVisible();
  await page.getByText("Show the numbers behind the chart").click();
  const table = page.getByRole("table", { name: /Change failure rate by week/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole("row")).toHaveCount(15);
});

/** Runs the chosen plan alone at 10,000 trials × 104 weeks, three times to warm up and then five times timed; returns the five timings. */
async function timeFullRuns(page: Page): Promise<number[]> {
  const sim = new SimulatePage(page);
  await sim.open();
  await page.getByRole("button", { name: "Remove Capability trap" }).click();
  await page.getByRole("button", { name: "Remove Quarterly overhaul" }).click();
  await sim.choose("Horizon", "104 weeks");
  await expect(sim.timing()).toContainText("10,000 trials × 104 weeks");
  // Three runs first, not counted: the browser compiles WebAssembly in
  // tiers and swaps in its optimised code while the page is in use.
  for (let i = 0; i < 3; i++) {
    await page.getByRole("button", { name: "Draw a new seed" }).click();
    await expect(sim.timing()).toContainText("× 104 weeks");
  }
  const runs: number[] = [];
  for (let i = 0; i < 5; i++) {
    await page.getByRole("button", { name: "Draw a new seed" }).click();
    await expect(sim.timing()).toContainText("× 104 weeks");
    runs.push(await sim.millis());
  }
  console.log(`10,000 trials × 104 weeks in headless Chromium: ${runs.join(", ")} ms (best ${Math.min(...runs)})`);
  return runs;
}

test("10,000 trials × 104 weeks of the coupled model stay within 64 MB of WebAssembly memory", async ({ page }) => {
  // boot.js announces the instance's exports once the module has started.
  await page.addInitScript(() => {
    addEventListener("flywheel-started", (e: any) => {
      (window as any).__flywheelWasm = e.detail.wasm;
    });
  });
  await page.reload();
  const runs = await timeFullRuns(page);
  expect(runs.every((ms) => Number.isFinite(ms) && ms > 0)).toBe(true);
  const bytes = await page.evaluate(() => (window as any).__flywheelWasm.memory.buffer.byteLength);
  console.log(`WebAssembly memory after the runs: ${(bytes / 2 ** 20).toFixed(1)} MiB`);
  expect(bytes).toBeGreaterThan(0);
  expect(bytes).toBeLessThan(64 * 2 ** 20);
});

// The floor is 100 ms, held by the best of five runs after three warm-up
// runs (the browser compiles WebAssembly in tiers).
test("10,000 trials × 104 weeks of the coupled model run within 100 ms", async ({ page }) => {
  const runs = await timeFullRuns(page);
  expect(Math.min(...runs)).toBeLessThanOrEqual(100);
});

test("dragging a slider re-runs a preview within a frame, then the full run when released", async ({ page }) => {
  const sim = new SimulatePage(page);
  await sim.open();
  await expect(sim.timing()).toContainText("10,000 trials × 52 weeks");
  const slider = sim.slider("Capacity spent on improvement");
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.2, y);
  await page.mouse.down();
  const previews: number[] = [];
  for (let step = 1; step <= 6; step++) {
    const before = await sim.medianPath();
    await page.mouse.move(box.x + box.width * (0.2 + step * 0.1), y);
    await expect(sim.timing()).toContainText("1,538 trials × 52 weeks");
    await expect.poll(() => sim.medianPath()).not.toBe(before);
    previews.push(await sim.millis());
  }
  console.log(`Previews while dragging (1,538 trials × 52 weeks): ${previews.join(", ")} ms`);
  // A preview takes 4–15 ms on the 2-core test machine, an occasional one
  // 20–30 ms when the host is busy: the median of the six is held to a
  // 16 ms frame, and none may pass three frames.
  const sorted = [...previews].sort((a, b) => a - b);
  const median = (sorted[2] + sorted[3]) / 2;
  expect(median).toBeLessThanOrEqual(16);
  expect(Math.max(...previews)).toBeLessThanOrEqual(50);
  await page.mouse.up();
  await expect(sim.timing()).toContainText("10,000 trials × 52 weeks");
});

test("a goal's chance of success comes from the simulation, on both screens", async ({ page }) => {
  const goals = new GoalsPage(page);
  await goals.open();
  await goals.add("Operational", "Ship changes within three days");
  await goals.picker("Metric").selectOption({ label: "Lead time for changes" });
  // Three days, in the unit the example baseline's lead time is typed in.
  await goals.field("Target").fill("3");
  const deadline = new Date(Date.now() + 182 * 86_400_000).toISOString().slice(0, 10);
  await goals.date("Deadline").fill(deadline);
  await expect(goals.criterion("Achievable")).toContainText(/\d+% of simulated futures reach it by the deadline/);

  const sim = new SimulatePage(page);
  await sim.open();
  const row = page.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /Ship changes within three days/ }) });
  await expect(row).toContainText(/by week 2[67]/);
  const cells = row.getByRole("cell");
  await expect(cells).toHaveCount(3);
  for (const cell of await cells.all()) await expect(cell).toHaveText(/^\d+%$/);

  await page.getByRole("button", { name: "Find the effect needed" }).click();
  await expect(page.getByText(/a 50% chance needs .*; an 85% chance needs/)).toBeVisible();
});

test("results export as CSV and the chart saves as SVG and PNG", async ({ page }) => {
  const sim = new SimulatePage(page);
  await sim.open();
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export results (CSV)" }).click(),
  ]);
  expect(csv.suggestedFilename()).toMatch(/^flywheel-.*-simulation\.csv$/);
  const text = readFileSync(await csv.path(), "utf8").split("\n");
  expect(text[0]).toBe("plan,week,metric,unit,p10,p50,p85,p90,p95");
  expect(text.filter((l) => l.startsWith("Kaizen,52,lead-time,hours,")).length).toBe(1);

  const figure = page.locator("#fan-figure");
  const [svg] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name: "Save as SVG" }).click(),
  ]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
  const markup = readFileSync(await svg.path(), "utf8");
  expect(markup).toContain('xmlns="http://www.w3.org/2000/svg"');
  // The saved file carries each mark's paint as presentation attributes
  // (the page's Content-Security-Policy refuses inline styles).
  expect(markup).toMatch(/<path[^>]*\sstroke="rgb\(/);
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name: "Save as PNG" }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(5_000);
});

test("an edited plan is marked, keeps its place when others go, and resets to its own preset", async ({ page }) => {
  const sim = new SimulatePage(page);
  await sim.open();
  await page.getByRole("radio", { name: /Quarterly overhaul/ }).check();
  await expect(page.getByRole("group", { name: "Plan: Quarterly overhaul" })).toBeVisible();
  await sim.slider("Capacity spent on improvement").focus();
  await page.keyboard.press("ArrowRight");
  await expect(sim.comparisonRow("Quarterly overhaul (edited)")).toBeVisible();
  await expect(page.getByText(/Your own numbers, started from “Quarterly overhaul”/)).toBeVisible();

  // Removing the plan before it keeps the same plan chosen.
  await page.getByRole("button", { name: "Remove Kaizen" }).click();
  await expect(page.getByRole("radio", { name: /Quarterly overhaul \(edited\)/ })).toBeChecked();
  await expect(page.getByRole("group", { name: "Plan: Quarterly overhaul (edited)" })).toBeVisible();

  await page.getByRole("button", { name: "Reset this plan to its preset" }).click();
  await expect(sim.comparisonRow("Quarterly overhaul")).toBeVisible();
  await expect(sim.comparisonRow(/edited/)).toHaveCount(0);
  await expect(sim.slider("Capacity spent on improvement")).toHaveValue("10");
  await expect(sim.slider("PDCA cycle length")).toHaveValue("13");
});

test("sliders reach the model's whole range and announce their value in words", async ({ page }) => {
  const sim = new SimulatePage(page);
  await sim.open();
  const capacity = sim.slider("Capacity spent on improvement");
  await expect(capacity).toHaveAttribute("max", "100");
  await expect(capacity).toHaveAttribute("aria-valuetext", "10%");
  await capacity.focus();
  await page.keyboard.press("End");
  await expect(capacity).toHaveAttribute("aria-valuetext", "100%");
  await expect(sim.slider("PDCA cycle length")).toHaveAttribute("max", "26");
  await page.getByText("Advanced: flywheel coupling, erosion and variation").click();
  await expect(sim.slider("Coupling lag")).toHaveAttribute("max", "26");
  await expect(sim.slider("Erosion when nothing is maintained")).toHaveAttribute("max", "10");
  await expect(sim.slider("Freed firefighting time reinvested")).toHaveAttribute("aria-valuetext", "50%");
});

test("the horizon and trials say what is simulated, and a capped run says so", async ({ page }) => {
  const sim = new SimulatePage(page);
  await sim.open();
  await page.getByRole("button", { name: "Remove Capability trap" }).click();
  await page.getByRole("button", { name: "Remove Quarterly overhaul" }).click();
  await sim.choose("Horizon", "156 weeks");
  await expect(sim.timing()).toContainText("10,000 trials × 156 weeks");
  await expect(sim.timing()).not.toContainText("fewer");
  await sim.choose("Trials", "50,000 trials (20,000 run over 156 weeks)");
  await expect(sim.timing()).toContainText("Simulated 20,000 trials × 156 weeks");
  await expect(sim.timing()).toContainText("fewer than the 50,000 trials chosen");
  await expect(page.getByRole("table", { name: /Median at week 156/ })).toBeVisible();
});

test("run under the freeze policy, each result says how much of it the freeze makes", async ({ page }) => {
  const goals = new GoalsPage(page);
  await goals.open();
  await goals.add("Operational", "Ship changes within three days");
  await goals.picker("Metric").selectOption({ label: "Lead time for changes" });
  // Three days, in the unit the example baseline's lead time is typed in.
  await goals.field("Target").fill("3");
  const deadline = new Date(Date.now() + 182 * 86_400_000).toISOString().slice(0, 10);
  await goals.date("Deadline").fill(deadline);

  const budget = new BudgetPage(page);
  await budget.open();
  // A tight SLO that the baseline's failures overspend: freezes happen.
  await budget.fill("SLO target", "99.99");
  const sim = new SimulatePage(page);
  await sim.open();
  // The parts below the chart are built once it has painted: all of them.
  await expect(page.getByRole("heading", { name: "Plan against reality" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "What the freeze policy contributes" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Run under the freeze policy" }).check();

  await expect(page.getByRole("heading", { name: "What the freeze policy contributes" })).toBeVisible();
  await expect(page.getByText(/^Under the freeze policy feature deployments stop [\d.]+% of the time/)).toBeVisible();
  const metrics = page.getByRole("table", { name: /Kaizen: median at week 52 with and without the freeze policy/ });
  await expect(metrics.getByRole("row")).toHaveCount(6);
  const cfr = metrics.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Change failure rate" }) });
  await expect(cfr.getByRole("cell")).toHaveCount(3);
  await expect(cfr.getByRole("cell").last()).toHaveText(/^(None|[+−][\d.]+% \((better|worse)\))$/);
  const chances = page.getByRole("table", { name: /chance of meeting each goal with and without the freeze policy/ });
  const row = chances.getByRole("row").filter({ has: page.getByRole("rowheader", { name: "Ship changes within three days" }) });
  await expect(row.getByRole("cell").nth(0)).toHaveText(/^\d+%$/);
  await expect(row.getByRole("cell").nth(1)).toHaveText(/^\d+%$/);
  await expect(row.getByRole("cell").nth(2)).toHaveText(/^(None|[+−]\d+ points)$/);
  const body = await page.locator("body").innerText();
  expect(body).not.toMatch(/NaN|Infinity|undefined/);

  // Exported results stay as core writes them.
  const [csv] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export results (CSV)" }).click(),
  ]);
  const text = readFileSync(await csv.path(), "utf8").split("\n");
  expect(text[0]).toBe("plan,week,metric,unit,p10,p50,p85,p90,p95");
});

test("a better change failure rate in a lower 2024 tier is explained beside the tiers", async ({ page }) => {
  const sim = new SimulatePage(page);
  await sim.open();
  // The example baseline's 18% is High in 2024; Kaizen's median at week 52
  // (about 7.9%) is nearest Medium's published 10%.
  const kaizen = sim.comparisonRow("Kaizen");
  await expect(kaizen).toContainText(/[\d.]+% \([\d.]+–[\d.]+\) Medium — the tier reads lower though the value improved: see below/);
  const notes = page.getByRole("list", { name: "Tiers that read against the value" });
  await expect(notes.getByRole("listitem").first()).toHaveText(
    /^Kaizen: Change failure rate improved from 18% to [\d.]+%; its DORA 2024 tier reads Medium after High\. In the DORA 2024 report the Medium cluster's change failure rate \(10%\) is better than the High cluster's \(20%\)/,
  );
  // Capability trap's worse value stays High: no note for it.
  await expect(notes.getByRole("listitem").filter({ hasText: /^Capability trap/ })).toHaveCount(0);
  await expect(sim.comparisonRow("Capability trap")).not.toContainText("tier reads");
});
