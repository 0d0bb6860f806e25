import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";

// The accessibility gate: axe-core on every screen, in light and dark mode,
// with zero violations; the shell's own panels (Share, Saved scenarios)
// open too. And every tier badge's text on its colour reaches WCAG AA in
// both modes, whichever tiers the example happens to show. A set of three
// teams is kept first, so Teams shows its table, ticks and spread, and the
// Report its Teams section.

const SCREENS: [string, string][] = [
  ["/baseline", "Baseline"],
  ["/goals", "Goals"],
  ["/simulate", "Simulate"],
  ["/budget", "Error budget"],
  ["/report", "Report"],
  ["/compare", "Compare"],
  ["/teams", "Teams"],
  ["/history", "History"],
  ["/workshop", ""],
];

/** Three teams from links (scripts/test.sh writes them before this runs). */
async function keepThreeTeams(page: Page) {
  const links = readFileSync("target/e2e/team-links.txt", "utf8").trim().split("\n").slice(0, 3);
  await page.goto("#/teams");
  await page.getByRole("textbox", { name: "Share links, one per line" }).fill(links.map((l) => `http://127.0.0.1/${l}`).join("\n"));
  await page.getByRole("button", { name: "Add these teams" }).click();
  await expect(page.getByRole("table", { name: "Showing all 3 teams." })).toBeVisible();
  await page.getByRole("checkbox", { name: "Compare Team 02" }).check();
}

async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  // axe ran and looked at the page (colour contrast among its checks).
  expect(results.passes.map((p) => p.id)).toContain("color-contrast");
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`,
  );
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`every screen passes axe in ${colorScheme} mode`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.emulateMedia({ colorScheme });
    await page.goto("./");
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await keepThreeTeams(page);
    const found: string[] = [];
    for (const [path, title] of SCREENS) {
      await page.goto(`#${path}`);
      if (title) await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
      else await expect(page.getByText(/^Step \d of 5$/)).toBeVisible();
      // Simulate builds the parts below its chart once the chart has painted.
      if (path === "/simulate") await expect(page.getByRole("heading", { name: "Plan against reality" })).toBeVisible();
      found.push(...(await violations(page)).map((v) => `#${path}: ${v}`));
    }
    // The shell's panels.
    await page.goto("#/baseline");
    await page.getByRole("button", { name: "Share link" }).click();
    await expect(page.getByRole("textbox", { name: "Link to this scenario and screen" })).toBeFocused();
    await page.getByRole("button", { name: "Saved scenarios" }).click();
    await expect(page.getByRole("heading", { name: "Saved scenarios" })).toBeVisible();
    found.push(...(await violations(page)).map((v) => `panels: ${v}`));
    expect(found).toEqual([]);
  });
}

/** WCAG relative luminance of a computed `rgb(…)` colour. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const s = Number(v) / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

for (const colorScheme of ["light", "dark"] as const) {
  test(`every tier and status colour reads at 4.5:1 or more in ${colorScheme} mode`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    await page.goto("./");
    const pairs = await page.evaluate(() => {
      const probe = document.createElement("span");
      document.body.append(probe);
      const colour = (v: string) => {
        probe.style.color = `var(${v})`;
        return getComputedStyle(probe).color;
      };
      const out: [string, string, string][] = [];
      for (const tier of ["elite", "high", "medium", "low"]) {
        out.push([tier, colour(`--tier-${tier}`), colour(`--tier-text-${tier}`)]);
        // Tiers also colour text on the page (Compare's better/worse).
        out.push([`${tier} as text`, colour(`--tier-${tier}`), colour("--color-surface")]);
      }
      out.push(["warning", colour("--color-warning-bg"), colour("--color-warning-text")]);
      out.push(["error", colour("--color-error-bg"), colour("--color-error")]);
      out.push(["accent", colour("--color-accent"), colour("--color-accent-text")]);
      probe.remove();
      return out;
    });
    // Medium's colour is a fill behind dark text, never text itself.
    const low = pairs
      .filter(([name]) => name !== "medium as text")
      .map(([name, a, b]) => [name, contrast(a, b).toFixed(2)] as const)
      .filter(([, ratio]) => Number(ratio) < 4.5);
    expect(low).toEqual([]);
  });
}
