import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { BaselinePage } from "./pages/baseline";

// Saved work this version cannot open is never lost: unreadable or
// out-of-range work is set aside under a key of its own before anything is
// saved, a newer version's work stays where it is and nothing is saved over
// it, and each is offered as a download until the user chooses.

const WORKING = "flywheel.working";
const ASIDE = "flywheel.aside.1";

/** Opens the app with `text` saved as the working scenario. */
async function openWith(page: Page, text: string) {
  await page.goto("./");
  await page.evaluate(
    ([key, value]) => {
      localStorage.clear();
      localStorage.setItem(key, value);
    },
    [WORKING, text],
  );
  await page.reload();
  await expect(page.getByRole("heading", { level: 1, name: "Baseline" })).toBeVisible();
}

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);

/** A valid envelope, then bent out of shape by `change`. */
async function validEnvelope(page: Page): Promise<string> {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await new BaselinePage(page).fill("Team or service name", "Payments API");
  await expect.poll(() => stored(page, WORKING)).toContain("Payments API");
  return (await stored(page, WORKING)) ?? "";
}

async function downloaded(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("status").getByRole("button", { name: button }).click(),
  ]);
  expect(file.suggestedFilename()).toBe("flywheel-saved-work-not-opened.json");
  return readFileSync(await file.path(), "utf8");
}

for (const [name, make] of [
  ["invalid JSON", async () => '{"version":2,"scenario":{"team":"Payments'],
  [
    "out-of-range values",
    async (page: Page) => (await validEnvelope(page)).replace('"change_failure_rate":18.0', '"change_failure_rate":140.0'),
  ],
] as const) {
  test(`saved work with ${name} is set aside, offered as a file, and survives new work`, async ({ page }) => {
    const text = await make(page);
    await openWith(page, text);
    const notice = page.getByRole("status");
    await expect(notice).toContainText("Your saved work was not opened");
    await expect(notice).toContainText("kept aside, unchanged, for you to download");
    expect(await stored(page, ASIDE)).toBe(text);
    expect(await downloaded(page, "Download it")).toBe(text);

    // New work saves, and the old text stays aside.
    const baseline = new BaselinePage(page);
    await baseline.fill("Team or service name", "Checkout");
    await expect.poll(() => stored(page, WORKING)).toContain("Checkout");
    expect(await stored(page, ASIDE)).toBe(text);

    // Kept aside, it is offered again on the next visit.
    await notice.getByRole("button", { name: "Keep it aside" }).click();
    await expect(notice).not.toContainText("was not opened");
    await page.reload();
    await expect(notice).toContainText("Saved work from an earlier visit is kept aside");
    await expect(baseline.field("Team or service name")).toHaveValue("Checkout");

    // Discarded, it is gone for good.
    await notice.getByRole("button", { name: "Discard it" }).click();
    await expect(notice).not.toContainText("kept aside");
    expect(await stored(page, ASIDE)).toBeNull();
    await page.reload();
    await expect(notice).not.toContainText("kept aside");
  });
}

test("a newer version's saved work is never saved over, until the user chooses", async ({ page }) => {
  const text = '{"version":99,"scenario":{"team":"From the future","shape":"unknown"}}';
  await openWith(page, text);
  const notice = page.getByRole("status");
  await expect(notice).toContainText("written by a newer version of Flywheel (format 99");
  await expect(notice).toContainText("Until you choose, changes made here are not saved.");
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Checkout");
  await baseline.fill("Change failure rate", "12");
  await page.waitForTimeout(300);
  expect(await stored(page, WORKING)).toBe(text);
  expect(await downloaded(page, "Download it")).toBe(text);

  // A reload finds it untouched, and still refuses it.
  await page.reload();
  await expect(notice).toContainText("newer version of Flywheel");
  expect(await stored(page, WORKING)).toBe(text);

  // Set aside, it moves to its own key and the new work saves.
  await notice.getByRole("button", { name: "Set it aside and save my new work" }).click();
  expect(await stored(page, ASIDE)).toBe(text);
  await baseline.fill("Team or service name", "Checkout");
  await expect.poll(() => stored(page, WORKING)).toContain("Checkout");
  expect(await stored(page, ASIDE)).toBe(text);
});

test("a scenario file that cannot be opened says so and changes nothing", async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const baseline = new BaselinePage(page);
  await baseline.fill("Team or service name", "Payments API");
  await page.getByLabel("Import file").setInputFiles({
    name: "future.json",
    mimeType: "application/json",
    buffer: Buffer.from('{"version":99,"scenario":{}}'),
  });
  const notice = page.getByRole("status");
  await expect(notice).toContainText("“future.json” was not opened: it was written by a newer version");
  await expect(notice).toContainText("Nothing was changed.");
  await expect(notice).not.toContainText(/fresh|new scenario/);
  await expect(baseline.field("Team or service name")).toHaveValue("Payments API");
});
