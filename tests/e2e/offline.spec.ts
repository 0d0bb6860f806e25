import { expect, test } from "@playwright/test";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";

// After the first visit the service worker keeps the app's own files, so
// a workshop without Wi-Fi still runs.

test("after the first visit the app runs offline, every screen included", async ({ page, context }) => {
  await page.goto("./");
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Baseline" })).toBeVisible();
  for (const name of ["Goals", "Simulate", "Error budget", "Report", "Compare"]) {
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }
  await page.getByRole("link", { name: "Workshop", exact: true }).click();
  await expect(page.getByText("Step 1 of 5", { exact: true })).toBeVisible();
  // The worker caches the app's files and nothing else.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const keys = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
    return keys.map((r) => new URL(r.url).pathname);
  });
  expect(cached.every((p) => /\/(index\.html|[\w.-]+\.(js|css|svg|wasm))?$/.test(p))).toBe(true);
  await context.setOffline(false);
});

test("a new deploy is offered as a reload, and the reload switches to it", async ({ page }) => {
  // The test server serves a copy of dist/ (playwright.config.ts); changing
  // its sw.js is what a deploy does.
  const sw = "target/site/some/sub/path/sw.js";
  const original = readFileSync(sw);
  try {
    await page.goto("./");
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    const before = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
    expect(before).toBeTruthy();
    await expect(page.getByText("A new version of Flywheel is available.")).toHaveCount(0);

    appendFileSync(sw, "\n// the next deploy\n");
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.getRegistration())?.update();
    });
    const banner = page.getByRole("status").filter({ hasText: "A new version of Flywheel is available." });
    await expect(banner).toBeVisible();
    // Nothing switches until the user says so.
    await expect(page.getByRole("heading", { level: 1, name: "Baseline" })).toBeVisible();

    await Promise.all([page.waitForEvent("load"), banner.getByRole("button", { name: "Reload" }).click()]);
    await expect(page.getByRole("heading", { level: 1, name: "Baseline" })).toBeVisible();
    await expect(page.getByText("A new version of Flywheel is available.")).toHaveCount(0);
    const waiting = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting);
    expect(waiting).toBeFalsy();
  } finally {
    writeFileSync(sw, original);
  }
});
