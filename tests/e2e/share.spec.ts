import { expect, test } from "@playwright/test";
import { BaselinePage } from "./pages/baseline";
import { SimulatePage } from "./pages/simulate";

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

async function makeLink(page: import("@playwright/test").Page): Promise<string> {
  await page.getByRole("button", { name: "Share link" }).click();
  const field = page.getByRole("textbox", { name: "Link to this scenario and screen" });
  await expect(field).toHaveValue(/#\/\w+\?s=3\./);
  return field.inputValue();
}

test("a copied link opens the same scenario and numbers in a fresh browser", async ({ page, browser }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await baseline.fill("Change failure rate", "22");
  const sim = new SimulatePage(page);
  await sim.open();
  await sim.slider("Capacity spent on improvement").fill("25");
  await expect(sim.timing()).toContainText("Simulated");
  const row = sim.comparisonRow(/Kaizen/);
  const numbers = await row.textContent();
  const link = await makeLink(page);
  expect(link.length).toBeLessThan(2000);
  await expect(page.locator("#share-length")).toContainText(`${link.length} characters`);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole("heading", { level: 1, name: "Simulate" })).toBeVisible();
  await expect(other.locator(".app-header__team")).toHaveText("Payments API");
  await expect(new SimulatePage(other).comparisonRow(/Kaizen/)).toHaveText(numbers ?? "");
  // The payload leaves the address bar once opened, so a reload keeps
  // working on the scenario rather than re-opening the link.
  expect(new URL(other.url()).hash).toBe("#/simulate");
  await fresh.close();
});

test("a damaged link explains itself and leaves saved work untouched", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  const link = await makeLink(page);
  await baseline.fill("Team or service name", "Checkout");
  const truncated = link.slice(0, link.length - 12);
  await page.goto(truncated);
  await expect(page.getByRole("status")).toContainText(/This link is damaged.*Nothing was changed/);
  await expect(baseline.field("Team or service name")).toHaveValue("Checkout");
  await page.reload();
  await expect(baseline.field("Team or service name")).toHaveValue("Checkout");
});

test("opening a link over different work asks first", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  const link = await makeLink(page);
  await baseline.fill("Team or service name", "Checkout");
  await page.goto(link);
  const prompt = page.getByRole("alertdialog", { name: "Open this link?" });
  await expect(prompt).toContainText("“Payments API”");
  await prompt.getByRole("button", { name: "Keep my work" }).click();
  await expect(baseline.field("Team or service name")).toHaveValue("Checkout");
  await page.goto(link);
  await page.getByRole("alertdialog").getByRole("button", { name: "Replace my work" }).click();
  await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
});

test("a link opened as a copy keeps the current work in the library", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  const link = await makeLink(page);
  await baseline.fill("Team or service name", "Checkout");
  await page.goto(link);
  await page.getByRole("alertdialog").getByRole("button", { name: "Open as a copy" }).click();
  await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
  await page.getByRole("button", { name: "Saved scenarios" }).click();
  const row = page.getByRole("row").filter({ hasText: "Checkout (before opening a link)" });
  await row.getByRole("button", { name: /^Open / }).click();
  await expect(baseline.field("Team or service name")).toHaveValue("Checkout");
});

test("the library saves, duplicates, renames, opens and deletes scenarios, and survives a reload", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await page.getByRole("button", { name: "Saved scenarios" }).click();
  await page.getByRole("textbox", { name: "Name for the working scenario" }).fill("Q3 plan");
  await page.getByRole("button", { name: "Save in library" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved “Q3 plan”" })).toBeVisible();
  await page.getByRole("button", { name: "Duplicate Q3 plan" }).click();
  await page.getByRole("button", { name: "Rename Q3 plan copy" }).click();
  await page.getByRole("textbox", { name: "New name for Q3 plan copy" }).fill("Q4 plan");
  await page.getByRole("button", { name: "Save name" }).click();
  await expect(page.getByRole("rowheader", { name: "Q4 plan" })).toBeVisible();
  await baseline.fill("Team or service name", "Checkout");
  await page.reload();
  await page.getByRole("button", { name: "Saved scenarios" }).click();
  await page.getByRole("button", { name: "Open Q4 plan" }).click();
  await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
  await page.getByRole("button", { name: "Delete Q3 plan" }).click();
  await expect(page.getByRole("rowheader", { name: "Q3 plan", exact: true })).toHaveCount(0);
  await expect(page.getByRole("rowheader", { name: "Q4 plan" })).toBeVisible();
});

test("text from a link is shown as text, never run as markup", async ({ page }) => {
  const baseline = new BaselinePage(page);
  const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
  await baseline.fill("Team or service name", payload.slice(0, 80));
  const link = await makeLink(page);
  await page.evaluate(() => localStorage.clear());
  await page.goto("about:blank");
  await page.goto(link);
  await expect(page.locator(".app-header__team")).toHaveText(payload.slice(0, 80));
  expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
  expect(await page.locator(".app-header img, .app-header script").count()).toBe(0);
});

test("a second tab saving the same scenario is detected, and nothing is silently overwritten", async ({ page, context }) => {
  const first = new BaselinePage(page);
  const other = await context.newPage();
  await other.goto("./");
  const second = new BaselinePage(other);
  await expect(second.field("Team or service name")).toBeVisible();
  await first.fill("Team or service name", "Payments API");
  const prompt = other.getByRole("alertdialog", { name: "Changed in another tab" });
  await expect(prompt).toBeVisible();
  // While undecided, the second tab's edits are not saved over the first's.
  await second.fill("Team or service name", "Checkout");
  const saved = () => page.evaluate(() => JSON.parse(localStorage.getItem("flywheel.working") ?? "{}").scenario?.team);
  expect(await saved()).toBe("Payments API");
  await prompt.getByRole("button", { name: "Use the other tab's version" }).click();
  await expect(second.field("Team or service name")).toHaveValue("Payments API");
  await other.close();
});

test("a scenario exported as a file imports back, and a wrong file changes nothing", async ({ page }) => {
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await baseline.fill("Change failure rate", "22");
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Export file" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("flywheel-payments-api.json");
  const path = await download.path();
  await baseline.fill("Team or service name", "Checkout");
  await baseline.fill("Change failure rate", "5");
  await page.getByLabel("Import file").setInputFiles(path);
  await expect(page.getByRole("status")).toContainText("Opened “Payments API”");
  await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
  await expect(baseline.field("Change failure rate")).toHaveValue("22");
  await page.getByLabel("Import file").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"hello": "world"}'),
  });
  await expect(page.getByRole("status")).toContainText("could not be opened");
  await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
});

test("a full storage quota is reported, not swallowed", async ({ page }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  await page.reload();
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await expect(page.getByRole("status")).toContainText("refused to save (its storage may be full)");
  await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
});
