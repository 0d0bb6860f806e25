import { expect, test, type Page } from "@playwright/test";
import { GoalsPage } from "./pages/goals";
import { SimulatePage } from "./pages/simulate";
import { readFileSync } from "node:fs";

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
  await page.getByRole("combobox", { name: "Horizon" }).selectOption("104");
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
  expect(Math.max(...previews)).toBeLessThanOrEqual(16);
  await page.mouse.up();
  await expect(sim.timing()).toContainText("10,000 trials × 52 weeks");
});

test("a goal's chance of success comes from the simulation, on both screens", async ({ page }) => {
  const goals = new GoalsPage(page);
  await goals.open();
  await goals.add("Operational", "Ship changes within three days");
  await goals.picker("Metric").selectOption({ label: "Lead time for changes" });
  await goals.field("Target").fill("72");
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
  expect(markup).toMatch(/<path[^>]*style="[^"]*stroke:/);
  const [png] = await Promise.all([
    page.waitForEvent("download"),
    figure.getByRole("button", { name: "Save as PNG" }).click(),
  ]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = readFileSync(await png.path());
  expect(bytes.subarray(1, 4).toString()).toBe("PNG");
  expect(bytes.length).toBeGreaterThan(5_000);
});
