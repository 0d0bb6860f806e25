import { expect, test } from "@playwright/test";
import { BaselinePage } from "./pages/baseline";

// Screens other than Baseline load their code on first visit (code
// splitting). A chunk that cannot be fetched must explain itself and lose
// nothing.

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
});

test("a screen loads its code on first visit, and only then", async ({ page }) => {
  const fetched: string[] = [];
  page.on("request", (r) => fetched.push(r.url()));
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Baseline" })).toBeVisible();
  expect(fetched.some((u) => u.endsWith("split_goals.wasm"))).toBe(false);
  await page.getByRole("link", { name: "Goals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
  expect(fetched.some((u) => u.endsWith("split_goals.wasm"))).toBe(true);
});

test("a screen whose code cannot be fetched says so, and saved work stays", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await page.route("**/split_goals.wasm", (route) => route.abort());
  await page.getByRole("link", { name: "Goals" }).click();
  await expect(page.getByRole("alert")).toHaveText(/could not be loaded.*your work is saved/);
  await page.getByRole("link", { name: "Baseline" }).click();
  await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
  // Once the network is back, the screen loads without a reload.
  await page.unroute("**/split_goals.wasm");
  await page.getByRole("link", { name: "Goals" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
});

test.describe("saved work's reader", () => {
  // The worker would serve the reader from its cache: this is the visit it
  // cannot help, its cache cleared and the saved work kept.
  test.use({ serviceWorkers: "block" });

  test("is fetched only when there is saved work, and one that cannot be fetched opens nothing over the work", async ({
    page,
  }) => {
    const fetched: string[] = [];
    page.on("request", (r) => fetched.push(r.url()));
    await page.reload();
    const baseline = new BaselinePage(page);
    await expect(baseline.field("Team or service name")).toBeVisible();
    expect(fetched.some((u) => /split_saved\.wasm|saved\.pack/.test(u))).toBe(false);

    await baseline.fill("Team or service name", "Payments API");
    await expect
      .poll(() => page.evaluate(() => localStorage.getItem("flywheel.working") ?? ""))
      .toContain("Payments API");
    const saved = await page.evaluate(() => localStorage.getItem("flywheel.working"));
    await page.route(/split_saved\.wasm|saved\.pack/, (route) => route.abort());
    await page.reload();
    await expect(page.getByRole("alert")).toHaveText(
      /saved work was not opened: part of Flywheel could not be loaded.*kept, unchanged/,
    );
    await expect(baseline.field("Team or service name")).toHaveCount(0);
    expect(await page.evaluate(() => localStorage.getItem("flywheel.working"))).toBe(saved);

    // Once the network is back, a reload opens the work.
    await page.unroute(/split_saved\.wasm|saved\.pack/);
    await page.reload();
    await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
  });
});
