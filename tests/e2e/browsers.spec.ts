import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { Firefox } from "./firefox";
import { BaselinePage } from "./pages/baseline";
import { SimulatePage } from "./pages/simulate";

// The same numbers in every browser: one share link, opened in Chromium
// (Playwright) and in Debian's Firefox ESR (WebDriver through geckodriver),
// exports the same results CSV, byte for byte.

const GECKO_PORT = Number(process.env.E2E_PORT ?? 4173) + 1000;

/** Captures the text of the next file the page offers for download. */
const CAPTURE = `
  window.__exports = [];
  const make = URL.createObjectURL;
  URL.createObjectURL = (blob) => { window.__exports.push(blob); return make.call(URL, blob); };
`;

test("a share link exports the same results CSV in Chromium and Firefox", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await baseline.fill("Change failure rate", "22");
  const sim = new SimulatePage(page);
  await sim.open();
  await page.getByRole("button", { name: "Share link" }).click();
  const link = await page.getByRole("textbox", { name: "Link to this scenario and screen" }).inputValue();
  expect(link).toContain("#/simulate?s=");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export results (CSV)" }).click(),
  ]);
  const chromium = readFileSync(await download.path(), "utf8");
  expect(chromium.split("\n")[0]).toBe("plan,week,metric,unit,p10,p50,p85,p90,p95");

  const firefox = await Firefox.start(GECKO_PORT);
  let fromFirefox: string;
  try {
    // The link points at this server (baseURL), as a user's would.
    expect(link.startsWith(baseURL ?? "")).toBe(true);
    await firefox.goto(link);
    // The link's codec loads as its own chunk, so the page shows its own
    // work first; wait for the link's scenario and its simulation.
    await firefox.waitFor(
      `const team = document.querySelector(".app-header__team");
       const t = document.querySelector(".simulate__timing");
       return team && team.textContent === "Payments API" && t && t.textContent.includes("Simulated");`,
      90_000,
    );
    const team = await firefox.run<string>(`return document.querySelector(".app-header__team").textContent;`);
    expect(team).toBe("Payments API");
    await firefox.run(CAPTURE);
    await firefox.clickButton("Export results (CSV)");
    await firefox.waitFor(`return window.__exports.length > 0;`);
    fromFirefox = await firefox.runAsync<string>(
      `const done = arguments[arguments.length - 1]; window.__exports[window.__exports.length - 1].text().then(done);`,
    );
  } finally {
    await firefox.close();
  }
  const lines = chromium.split("\n").length;
  console.log(`Chromium and Firefox ESR: results CSV of ${lines} lines, ${chromium.length} bytes, compared byte for byte`);
  expect(fromFirefox.length).toBe(chromium.length);
  expect(fromFirefox === chromium).toBe(true);
});
