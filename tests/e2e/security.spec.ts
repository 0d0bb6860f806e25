import { expect, test } from "@playwright/test";

// index.html ships a Content-Security-Policy: only the app's own origin,
// WebAssembly under 'wasm-unsafe-eval', no inline script or style.

test("the app runs under its Content-Security-Policy and talks to no other origin", async ({ page }) => {
  const origins = new Set<string>();
  page.on("request", (r) => origins.add(new URL(r.url()).origin));
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("./");
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).not.toMatch(/'unsafe-eval'/);
  // Every screen, so every chunk loads under the policy.
  for (const name of ["Baseline", "Goals", "Simulate", "Error budget", "Report"]) {
    await page.getByRole("link", { name, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }
  await page.getByRole("button", { name: "Share link" }).click();
  await expect(page.getByRole("textbox", { name: "Link to this scenario and screen" })).toHaveValue(/\?s=3\./);
  expect(violations).toEqual([]);
  expect([...origins]).toEqual([new URL(page.url()).origin]);
});
