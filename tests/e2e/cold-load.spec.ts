import { expect, test, type Browser } from "@playwright/test";

// This file times work against the figures on a shared 2-core host
// whose speed varies about twofold minutes apart: a test that misses gets
// one more try (reported as flaky), and fails if both are slow.
test.describe.configure({ retries: 1 });

// Opened cold from a link (a fresh browser context: no cache, no service
// worker, no saved work), how soon the screen is useful, timed in the page
// from the start of navigation. Each figure is the median of five cold
// opens; all five are printed on every run, and for Simulate also when the
// parts below its chart (built once it has painted) are all there. The
// aims are 500 ms for Simulate's first chart and 400 ms for Baseline's
// form. On the 2-core test machine the medians are about 250 ms and 125 ms
// in a full test run when the host is quick, about 530 ms and 330 ms when
// it is slow, and have reached 950 ms for Simulate in a full run on a host
// slower still. The bounds (1,300 ms and 750 ms) sit above the slowest
// medians seen, so that a build whose screen arrives markedly later fails
// while a slow host does not. A returning visit without the service worker
// (its cache cleared, the saved work kept) reads the saved work before the
// form appears: about 170–450 ms, bound at twice the slow figure.
const SIMULATE_BOUND_MS = 1_300;
const BASELINE_BOUND_MS = 750;
const SAVED_BOUND_MS = 900;

const RUNS = 5;

/** The team name of the saved work a returning visit finds. */
const SAVED_TEAM = "Payments API";

/**
 * Records in the page, as `window[key]`, when the first element matching
 * `selector` appears (holding `text` in its value or text, when given).
 */
function watchFor(selector: string, text = "", key = "__ready"): string {
  return `
    (() => {
      const holds = (e) => (e.value ?? e.textContent ?? "").includes(${JSON.stringify(text)});
      const seen = () => {
        if (window[${JSON.stringify(key)}] === undefined && [...document.querySelectorAll(${JSON.stringify(selector)})].some(holds)) {
          window[${JSON.stringify(key)}] = performance.now();
        }
      };
      new MutationObserver(seen).observe(document, { subtree: true, childList: true, attributes: true });
    })();
  `;
}

/** When Simulate has built its last part, below the chart. */
const SIMULATE_BUILT = watchFor("h2", "Plan against reality", "__built");

async function coldOpen(
  browser: Browser,
  baseURL: string,
  hash: string,
  selector: string,
  saved?: string,
  built?: string[],
): Promise<number> {
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  if (saved !== undefined) {
    await page.addInitScript((text) => localStorage.setItem("flywheel.working", text), saved);
  }
  await page.addInitScript(watchFor(selector, saved === undefined ? "" : SAVED_TEAM));
  if (built) await page.addInitScript(SIMULATE_BUILT);
  await page.goto(new URL(hash, baseURL).href);
  const seen = (key: string) =>
    page.waitForFunction((k) => (window as unknown as Record<string, number | undefined>)[k] !== undefined, key, {
      timeout: 15_000,
    });
  await seen("__ready");
  const ms = await page.evaluate(() => (window as unknown as { __ready: number }).__ready);
  if (built) {
    await seen("__built");
    built.push(await page.evaluate(() => (window as unknown as { __built: number }).__built).then((t) => t.toFixed(0)));
  }
  await context.close();
  return ms;
}

async function medianOf(
  browser: Browser,
  baseURL: string,
  hash: string,
  selector: string,
  what: string,
  saved?: string,
  built?: string[],
) {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    times.push(await coldOpen(browser, baseURL, hash, selector, saved, built));
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(RUNS / 2)];
  console.log(`${what}: ${times.map((t) => t.toFixed(0)).join(", ")} ms; median ${median.toFixed(0)} ms`);
  return median;
}

test("opened cold from a link, Simulate draws its first chart (median of 5)", async ({
  browser,
  baseURL,
}) => {
  const built: string[] = [];
  const median = await medianOf(
    browser,
    baseURL!,
    "./#/simulate",
    "figure.chart svg.chart__svg path",
    "cold #/simulate, first chart drawn",
    undefined,
    built,
  );
  console.log(`cold #/simulate, every part below the chart built: ${built.join(", ")} ms`);
  expect(median).toBeLessThanOrEqual(SIMULATE_BOUND_MS);
});

test("opened cold, the Baseline form takes input (median of 5)", async ({ browser, baseURL }) => {
  const median = await medianOf(
    browser,
    baseURL!,
    "./#/baseline",
    "form input:not([disabled])",
    "cold #/baseline, form takes input",
  );
  expect(median).toBeLessThanOrEqual(BASELINE_BOUND_MS);
});

test("opened cold with saved work, the Baseline form shows it (median of 5)", async ({ browser, baseURL }) => {
  // The saved work as this build writes it.
  const context = await browser.newContext({ serviceWorkers: "block" });
  const page = await context.newPage();
  await page.goto(new URL("./#/baseline", baseURL).href);
  await page.getByLabel("Team or service name").fill(SAVED_TEAM);
  await expect
    .poll(() => page.evaluate(() => localStorage.getItem("flywheel.working") ?? ""))
    .toContain(SAVED_TEAM);
  const saved = await page.evaluate(() => localStorage.getItem("flywheel.working") ?? "");
  await context.close();
  const median = await medianOf(
    browser,
    baseURL!,
    "./#/baseline",
    "form input#team-name:not([disabled])",
    "cold #/baseline with saved work, form shows it",
    saved,
  );
  expect(median).toBeLessThanOrEqual(SAVED_BOUND_MS);
});
