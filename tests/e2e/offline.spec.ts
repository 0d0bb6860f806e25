import { expect, test } from "@playwright/test";

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
  // The worker caches the app's files and nothing else.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const keys = (await Promise.all(names.map(async (n) => (await caches.open(n)).keys()))).flat();
    return keys.map((r) => new URL(r.url).pathname);
  });
  expect(cached.every((p) => /\/(index\.html|[\w.-]+\.(js|css|svg|wasm))?$/.test(p))).toBe(true);
  await context.setOffline(false);
});
