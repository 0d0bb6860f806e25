import { expect, test, type Page } from "@playwright/test";

// Back, Forward, address-bar edits and reloads, on every screen, with text
// typed in: none may raise a page error or log one, and the app must still
// work afterwards (a Share link still made).

const SCREENS: [string, string][] = [
  ["Baseline", "/baseline"],
  ["Goals", "/goals"],
  ["Simulate", "/simulate"],
  ["Error budget", "/budget"],
  ["Report", "/report"],
  ["Compare", "/compare"],
  ["Workshop", "/workshop"],
];

/** Collects page errors and console errors as they happen. */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  return errors;
}

/** Types into the first visible one-line text box of the screen, if any. */
async function typeSomething(page: Page) {
  const box = page.locator("main input[type=text]:visible:not([readonly]), main input:not([type]):visible").first();
  if ((await box.count()) > 0) {
    await box.click();
    await box.pressSequentially("Nav 1", { delay: 10 });
  }
}

async function shows(page: Page, title: string) {
  if (title === "Workshop") {
    await expect(page.getByText(/^Step \d of 5$/)).toBeVisible();
  } else {
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  }
}

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await page.evaluate(() => localStorage.clear());
  await page.reload();
});

test("Back, Forward, address edits and reloads on every screen raise no error", async ({ page }) => {
  test.setTimeout(120_000);
  const errors = watch(page);
  let previous = "Baseline";
  for (const [title, path] of SCREENS) {
    await page.getByRole("link", { name: title, exact: true }).click();
    await shows(page, title);
    await typeSomething(page);
    // Back while the text box still has focus, then Forward.
    await page.goBack();
    await shows(page, previous);
    await page.goForward();
    await shows(page, title);
    await typeSomething(page);
    // An address-bar edit to another screen and back.
    await page.goto(`#/report`);
    await shows(page, "Report");
    await page.goto(`#${path}`);
    await shows(page, title);
    await typeSomething(page);
    await page.reload();
    await shows(page, title);
    previous = title;
  }
  // The Workshop shows alone (no header): share from the Baseline.
  await page.goto("#/baseline");
  await shows(page, "Baseline");
  await page.getByRole("button", { name: "Share link" }).click();
  await expect(page.getByRole("textbox", { name: "Link to this scenario and screen" })).toHaveValue(/\?s=\d+\./);
  expect(errors).toEqual([]);
});

test("a workshop participant can type their name, go Back and Forward, and still share", async ({ page }) => {
  const errors = watch(page);
  await page.getByRole("link", { name: "Workshop", exact: true }).click();
  await page.getByRole("navigation", { name: "Workshop steps" }).getByRole("button", { name: "Goals" }).click();
  const name = page.getByLabel("Your name, as the facilitator will see it");
  for (let i = 0; i < 4; i++) {
    await name.fill(`Ada ${i}`);
    await page.goBack();
    await page.goForward();
    await expect(page.getByText(/^Step \d of 5$/)).toBeVisible();
    await name.click();
    await name.fill(`Ada ${i}b`);
    await page.goto("#/goals");
    await expect(page.getByRole("heading", { level: 1, name: "Goals" })).toBeVisible();
    await page.goBack();
  }
  // As the step says: add goals on the Goals screen, then Share link there.
  await page.goto("#/goals");
  await page.getByRole("button", { name: "Share link" }).click();
  await expect(page.getByRole("textbox", { name: "Link to this scenario and screen" })).toHaveValue(/\?s=\d+\./);
  expect(errors).toEqual([]);
});
