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
  await expect(field).toHaveValue(/#\/\w+\?s=1\./);
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
  await page.getByRole("alertdialog").getByRole("button", { name: "Open the link" }).click();
  await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
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
