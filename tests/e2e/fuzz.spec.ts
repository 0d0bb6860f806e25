import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";

// The browser fuzz: extreme-but-accepted scenarios (the native fuzz's own
// generator, `cargo run -p flywheel-core --example extreme_links`), each
// opened from its share link and shown on every screen. No page error, no
// console error, and no "NaN", "Infinity" or "undefined" on screen. Bounded
// to a minute.

const CASES = Number(process.env.FUZZ_CASES ?? 10);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
const LINKS = `target/extreme-links-${CASES}-${SEED}.txt`;
const BUDGET_MS = 60_000;

const SCREENS: [string, string][] = [
  ["/baseline", "Baseline"],
  ["/goals", "Goals"],
  ["/simulate", "Simulate"],
  ["/budget", "Error budget"],
  ["/report", "Report"],
  ["/compare", "Compare"],
  ["/workshop", ""],
];

/** The payloads, one a line, made by the native generator if not yet made. */
function payloads(): string[] {
  if (!existsSync(LINKS)) {
    mkdirSync("target", { recursive: true });
    const out = execFileSync(
      "cargo",
      ["run", "--quiet", "-p", "flywheel-core", "--example", "extreme_links", String(CASES), String(SEED)],
      { encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
    );
    writeFileSync(LINKS, out);
  }
  return readFileSync(LINKS, "utf8").split("\n").filter((l) => l.length > 0);
}

/** Waits for two frames, so memos read by the screen have run. */
async function settle(page: Page) {
  await page.evaluate(
    () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0)))),
  );
}

test("extreme-but-accepted scenarios open on every screen without an error or a nonsense number", async ({ page }) => {
  test.setTimeout(BUDGET_MS + 120_000);
  const links = payloads();
  expect(links.length).toBe(CASES);
  const errors: string[] = [];
  let at = "";
  page.on("pageerror", (e) => errors.push(`${at}: pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`${at}: console: ${m.text()}`);
  });
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const started = Date.now();
  let views = 0;
  const slow: string[] = [];
  for (const [i, payload] of links.entries()) {
    at = `case ${i + 1}`;
    const team = page.locator(".app-header__team");
    const before = await team.textContent();
    await page.evaluate((h) => (location.hash = h), `#/baseline?s=${payload}`);
    const prompt = page.getByRole("alertdialog", { name: "Open this link?" });
    await expect
      .poll(async () => {
        if (await prompt.isVisible()) await prompt.getByRole("button", { name: "Replace my work" }).click();
        return team.textContent();
      })
      .not.toBe(before);
    expect(await page.getByRole("status").textContent(), `${at}: the link did not open`).not.toMatch(/damaged|could not/);
    for (const [path, title] of SCREENS) {
      at = `case ${i + 1} on #${path}`;
      const shown = Date.now();
      await page.evaluate((h) => (location.hash = h), `#${path}`);
      if (title) {
        await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible({ timeout: 30_000 });
      } else {
        await expect(page.getByText(/^Step \d of 5$/)).toBeVisible({ timeout: 30_000 });
      }
      await settle(page);
      const took = Date.now() - shown;
      if (took > 2_000) slow.push(`${at}: ${(took / 1000).toFixed(1)} s`);
      const text = await page.locator("body").innerText();
      const nonsense = text.match(/.{0,40}(NaN|Infinity|undefined).{0,40}/);
      expect(nonsense?.[0], `${at}: nonsense on screen`).toBeUndefined();
      expect(errors).toEqual([]);
      views++;
    }
  }
  const elapsed = Date.now() - started;
  if (slow.length > 0) console.log(`screens slower than 2 s:\n  ${slow.join("\n  ")}`);
  console.log(`browser fuzz: ${links.length} extreme scenarios × ${SCREENS.length} screens = ${views} views in ${(elapsed / 1000).toFixed(1)} s`);
  expect(elapsed).toBeLessThan(BUDGET_MS);
});
