import { expect, test } from "@playwright/test";
import { BaselinePage } from "./pages/baseline";
import { ImportSection } from "./pages/import";

// This file times work against the figures on a shared 2-core host
// whose speed varies about twofold minutes apart: a test that misses gets
// one more try (reported as flaky), and fails if both are slow.
test.describe.configure({ retries: 1 });

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
});

test("the panel's code is fetched only when the panel is opened", async ({ page }) => {
  const wasm: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith(".wasm")) wasm.push(new URL(r.url()).pathname.split("/").pop()!);
  });
  const baseline = new BaselinePage(page);
  await baseline.open();
  const importer = new ImportSection(page);
  await expect(importer.toggle()).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByRole("button", { name: "Try with sample data" })).toHaveCount(0);
  expect(wasm).not.toContain("split_import.wasm");

  await importer.toggle().click();
  await expect(page.getByRole("button", { name: "Try with sample data" })).toBeVisible();
  expect(wasm).toContain("split_import.wasm");

  // Closing hides the panel and keeps what was loaded.
  await importer.trySample();
  await expect(importer.row("Deployments")).toContainText("46");
  await importer.toggle().click();
  await expect(page.getByRole("button", { name: "Try with sample data" })).toBeHidden();
  await importer.toggle().click();
  await expect(importer.row("Deployments")).toContainText("46");
});

test("importing the sample shows the pinned figures, applies them and shows the tiers", async ({ page }) => {
  const importer = new ImportSection(page);
  const baseline = new BaselinePage(page);
  await importer.open();
  await importer.trySample();

  // The same figures core/tests/model_import.rs pins for the sample (SAMPLE_PINS).
  await expect(importer.row("Deployments")).toContainText("46");
  await expect(importer.row("Deployments")).toContainText("2025-12-27 – 2026-03-26 (90 days)");
  await expect(importer.row("Deployment frequency")).toContainText("3.58 per week");
  await expect(importer.row("Deployment frequency")).toContainText("Four Keys: Daily.");
  await expect(importer.row("Lead time for changes")).toContainText("median 21 hours · P85 47.2 hours");
  await expect(importer.row("Change failure rate")).toContainText("10.87%");
  await expect(importer.row("Change failure rate")).toContainText("5 of 46 deployments failed");
  await expect(importer.row("Failed deployment recovery time")).toContainText("median 1.6 hours · P85 4 hours");
  await expect(importer.row("Rework rate")).toContainText("15.22%");
  await expect(page.getByRole("img", { name: /^Lead times Bar chart/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Recovery times Bar chart/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /^Deploys per week Bar chart of 12 bars/ })).toBeVisible();
  // Each chart's figures are also a table.
  // The table's caption repeats the summary's words: the summary is what opens it.
  await page.locator("summary", { hasText: "Deploys per week as a table" }).click();
  await expect(page.getByRole("row", { name: "Mar 20 3" })).toBeVisible();
  await expect(page.getByRole("table", { name: "Deployment columns: first rows" })).toContainText("d001");

  await importer.apply();
  await expect(page.getByRole("status").filter({ hasText: "Applied to the baseline" })).toBeVisible();
  await expect(baseline.field("Deployment frequency")).toHaveValue("3.58");
  await expect(baseline.picker("Deployment frequency period").locator("option:checked")).toHaveText("per week");
  await expect(baseline.field("Lead time for changes")).toHaveValue("21");
  await expect(baseline.picker("Lead time unit").locator("option:checked")).toHaveText("hours");
  await expect(baseline.field("Change failure rate")).toHaveValue("10.87");
  await expect(baseline.field("Failed deployment recovery time")).toHaveValue("1.58");
  await expect(baseline.field("Rework rate")).toHaveValue("15.22");
  await expect(page.getByText("Measured from data", { exact: true })).toHaveCount(5);

  // 2024 tiers: 3.58 a week is daily–weekly (High); 21 h < 1 day (Elite);
  // 10.87% is nearest the Medium cluster's 10%; 1.58 h is "< 1 day".
  await baseline.expectTier("Deployment frequency", "High");
  await baseline.expectTier("Lead time for changes", "Elite");
  await baseline.expectTier("Change failure rate", "Medium");
  await baseline.expectTier("Failed deployment recovery time", "High – Medium");

  // The applied baseline and its samples survive a reload.
  await page.reload();
  await expect(baseline.field("Lead time for changes")).toHaveValue("21");
  await expect(page.getByText("Measured from data", { exact: true })).toHaveCount(5);
  await baseline.expectNoNonsense();
});

test("the window and time zone change the figures; a date range works", async ({ page }) => {
  const importer = new ImportSection(page);
  await importer.open();
  await importer.trySample();
  await importer.picker("Window").selectOption({ label: "Last 30 days" });
  await expect(importer.row("Deployments")).toContainText("2026-02-25 – 2026-03-26 (30 days)");
  await importer.picker("Window").selectOption({ label: "Date range" });
  await page.getByLabel("From", { exact: true }).fill("2026-01-05");
  await page.getByLabel("To", { exact: true }).fill("2026-01-11");
  await expect(importer.row("Deployments").getByRole("cell").first()).toHaveText("3");
  await expect(importer.row("Deployments")).toContainText("2026-01-05 – 2026-01-11 (7 days)");
  await importer.picker("Time zone for per-day counting").selectOption({ label: "UTC+05:30" });
  await expect(importer.row("Deployments")).toContainText("(7 days)");
});

test("bad rows are listed with line and reason; unusable files explain themselves", async ({ page }) => {
  const importer = new ImportSection(page);
  await importer.open();
  await importer.pasteBox().fill(
    "id,deployed_at,first_commit_at\n" +
      "a,2026-03-02T10:00:00Z,2026-03-02T08:00:00Z\n" +
      "b,03/02/2026,\n" +
      "a,2026-03-03T10:00:00Z,\n" +
      "c,,\n",
  );
  await expect(page.getByRole("heading", { name: "3 of 4 rows left out" })).toBeVisible();
  const rejected = page.getByRole("table", { name: "Rows left out, with their line numbers" });
  await expect(rejected.getByRole("row", { name: /3 unparseable timestamp "03\/02\/2026"/ })).toBeVisible();
  await expect(rejected.getByRole("row", { name: /4 duplicate id "a"/ })).toBeVisible();
  await expect(rejected.getByRole("row", { name: /5 missing required column "deployed_at"/ })).toBeVisible();
  await expect(importer.row("Lead time for changes")).toContainText("median 2 hours");

  // A second paste is a second file; its rows are listed under its name.
  await importer.pasteAnother();
  await importer.pasteBox().fill(
    "id,started_at,resolved_at,deployment_id\ni1,2026-03-02T12:00:00Z,2026-03-02T11:00:00Z,a\n",
  );
  await expect(rejected.getByRole("row", { name: /pasted text 2 line 2 resolved before start/ })).toBeVisible();

  await importer.remove("pasted text");
  await importer.pasteAnother();
  await importer.pasteBox().fill("deployed_at\nlater\nsoon\n");
  await expect(page.getByRole("alert").filter({ hasText: "None of the 2 deployment rows could be used (line 2" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Apply to baseline" })).toBeDisabled();

  // A file that is not UTF-8, a binary file, and a 50 MB file.
  await importer.filePicker().setInputFiles({
    name: "latin1.csv",
    mimeType: "text/csv",
    buffer: Buffer.from([0x64, 0x65, 0x70, 0x0a, 0xe9, 0x74, 0xe9, 0x0a]),
  });
  await expect(page.getByText(/This file is not UTF-8 text/)).toBeVisible();
  await importer.filePicker().setInputFiles({
    name: "export.xlsx",
    mimeType: "application/octet-stream",
    buffer: Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]),
  });
  await expect(page.getByText(/This looks like a binary file/)).toBeVisible();
  await page.evaluate(() => {
    const input = document.getElementById("import-files") as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(50 * 1024 * 1024)], "huge.csv", { type: "text/csv" }));
    input.files = dt.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
  });
  await expect(page.getByText(/This file is 50\.0 MB; the limit is 20 MB/)).toBeVisible();
  const baseline = new BaselinePage(page);
  await baseline.expectNoNonsense();
});

test("100,000 deployment rows import and compute in under a second", async ({ page }) => {
  const importer = new ImportSection(page);
  await importer.open();
  const elapsed = await page.evaluate(async () => {
    const lines = ["id,deployed_at,first_commit_at,failed,rework"];
    const start = Date.UTC(2025, 9, 1) / 1000;
    for (let k = 0; k < 100_000; k++) {
      const at = start + k * 150;
      const lead = (k * 7919) % 345_600;
      const iso = (t: number) => new Date(t * 1000).toISOString().slice(0, 19) + "Z";
      lines.push(`d${k},${iso(at)},${iso(at - lead)},${k % 20 === 0},${k % 9 === 0}`);
    }
    const file = new File([lines.join("\n")], "big.csv", { type: "text/csv" });
    const input = document.getElementById("import-files") as HTMLInputElement;
    const dt = new DataTransfer();
    dt.items.add(file);
    const done = new Promise<number>((resolve) => {
      const observer = new MutationObserver(() => {
        const timing = document.querySelector(".import__timing");
        if (timing) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document.body, { childList: true, subtree: true });
    });
    const t0 = performance.now();
    input.files = dt.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
    return (await done) - t0;
  });
  const reported = await importer.timing().innerText();
  console.log(`100,000 rows: ${Math.round(elapsed)} ms from choosing the file to the figures on screen; app reports "${reported}"`);
  test.info().annotations.push({ type: "timing", description: `${Math.round(elapsed)} ms` });
  expect(elapsed).toBeLessThan(1000);
  await expect(importer.row("Deployments")).toContainText("(90 days)");
  await expect(importer.file("big.csv")).toContainText("Deployments (Flywheel's CSV columns): 100000 deployments");
});
